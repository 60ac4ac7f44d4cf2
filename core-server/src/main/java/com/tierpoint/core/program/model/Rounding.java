package com.tierpoint.core.program.model;

import java.math.BigInteger;

/** How a fraction of whole points becomes an integer. */
public enum Rounding {
    DOWN,
    HALF_UP,
    UP;

    /** {@code numerator / denominator} rounded; both non-negative, denominator positive. */
    public long divide(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[0];
        BigInteger r = qr[1];
        if (r.signum() == 0) {
            return q.longValueExact();
        }
        return switch (this) {
            case DOWN -> q.longValueExact();
            case UP -> q.add(BigInteger.ONE).longValueExact();
            case HALF_UP ->
                r.shiftLeft(1).compareTo(denominator) >= 0
                        ? q.add(BigInteger.ONE).longValueExact()
                        : q.longValueExact();
        };
    }
}
