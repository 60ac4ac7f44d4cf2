package com.tierpoint.core.program.model;

/** Points and/or growth granted once a year in the member's birthday month. */
public record BirthdayGift(long points, long growth) {

    public static BirthdayGift none() {
        return new BirthdayGift(0, 0);
    }

    public boolean isNone() {
        return points == 0 && growth == 0;
    }
}
