package com.tierpoint.core.program.model;

import java.math.BigInteger;

/** {@code growth} value for every {@code perFen} fen spent. */
public record GrowthRule(long growth, long perFen, Rounding rounding) {

    public long growthFor(long amountFen) {
        return rounding.divide(
                BigInteger.valueOf(amountFen).multiply(BigInteger.valueOf(growth)), BigInteger.valueOf(perFen));
    }
}
