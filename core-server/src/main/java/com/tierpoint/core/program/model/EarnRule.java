package com.tierpoint.core.program.model;

import java.math.BigInteger;

/** {@code points} for every {@code perFen} fen spent, before the tier multiplier. */
public record EarnRule(long points, long perFen, Rounding rounding) {

    /** Points for an amount at a tier multiplier given in percent (100 = x1). */
    public long pointsFor(long amountFen, int multiplierPercent) {
        BigInteger numerator = BigInteger.valueOf(amountFen)
                .multiply(BigInteger.valueOf(points))
                .multiply(BigInteger.valueOf(multiplierPercent));
        return rounding.divide(numerator, BigInteger.valueOf(perFen).multiply(BigInteger.valueOf(100)));
    }
}
