package com.tierpoint.core.program.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarnRuleAndExpiryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} fen x{1}% -> down {2}, half-up {3}, up {4}")
    @CsvSource({
        // amountFen, multiplierPercent, DOWN, HALF_UP, UP   (1 point per yuan)
        "1000,  100, 10, 10, 10",
        "999,   100,  9, 10, 10",
        "950,   100,  9, 10, 10",
        "949,   100,  9,  9, 10",
        "901,   100,  9,  9, 10",
        "12345, 120, 148, 148, 149",
        "1250,  150, 18, 19, 19",
        "1000,  150, 15, 15, 15",
        "100,   125,  1,  1,  2",
        "200,   125,  2,  3,  3",
        "99,    100,  0,  1,  1",
        "1,     100,  0,  0,  1",
        "5000,    0,  0,  0,  0",
    })
    void pointsForRoundsTheProductOfAmountRuleAndMultiplierOnce(
            long amountFen, int multiplier, long down, long halfUp, long up) {
        assertThat(new EarnRule(1, 100, Rounding.DOWN).pointsFor(amountFen, multiplier))
                .isEqualTo(down);
        assertThat(new EarnRule(1, 100, Rounding.HALF_UP).pointsFor(amountFen, multiplier))
                .isEqualTo(halfUp);
        assertThat(new EarnRule(1, 100, Rounding.UP).pointsFor(amountFen, multiplier))
                .isEqualTo(up);
    }

    @Test
    void pointsForHonoursRulesOtherThanOnePointPerYuan() {
        // 3 points per ¥2: ¥10 = 15 points; ¥3.33 = 4.995 points
        EarnRule threePer200 = new EarnRule(3, 200, Rounding.HALF_UP);
        assertThat(threePer200.pointsFor(1_000, 100)).isEqualTo(15);
        assertThat(threePer200.pointsFor(333, 100)).isEqualTo(5);
        assertThat(new EarnRule(3, 200, Rounding.DOWN).pointsFor(333, 100)).isEqualTo(4);
        // x1.5 on 4.995 = 7.4925
        assertThat(new EarnRule(3, 200, Rounding.DOWN).pointsFor(333, 150)).isEqualTo(7);
        assertThat(new EarnRule(3, 200, Rounding.HALF_UP).pointsFor(333, 150)).isEqualTo(7);
        assertThat(new EarnRule(3, 200, Rounding.UP).pointsFor(333, 150)).isEqualTo(8);
    }

    @Test
    void pointsForDoesNotOverflowOnLargeAmounts() {
        EarnRule rule = new EarnRule(1_000, 1, Rounding.DOWN);
        assertThat(rule.pointsFor(100_000_000_000L, 10_000)).isEqualTo(10_000_000_000_000_000L);
    }

    @Test
    void growthForRoundsPerItsOwnRule() {
        assertThat(new GrowthRule(1, 100, Rounding.DOWN).growthFor(12_399)).isEqualTo(123);
        assertThat(new GrowthRule(1, 100, Rounding.HALF_UP).growthFor(12_350)).isEqualTo(124);
        assertThat(new GrowthRule(1, 100, Rounding.UP).growthFor(12_301)).isEqualTo(124);
        assertThat(new GrowthRule(2, 100, Rounding.DOWN).growthFor(12_399)).isEqualTo(247);
    }

    @Test
    void endOfMonthUsesTheProgramsZoneNotUtc() {
        ExpiryPolicy eom = new ExpiryPolicy(ExpiryPolicy.Kind.END_OF_MONTH, 0);

        // 2026-01-31T17:00Z is 2026-02-01 01:00 in Shanghai: February's points, gone when March starts there
        assertThat(eom.expiryFor(Instant.parse("2026-01-31T17:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        // 2026-01-31T15:59:59Z is still 23:59:59 on January 31 in Shanghai
        assertThat(eom.expiryFor(Instant.parse("2026-01-31T15:59:59Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-01-31T16:00:00Z"));
        // exactly midnight in Shanghai belongs to the new month
        assertThat(eom.expiryFor(Instant.parse("2026-01-31T16:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        // the same instant read in UTC is still January
        assertThat(eom.expiryFor(Instant.parse("2026-01-31T17:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void endOfMonthHandlesLeapFebruaryAndDecember() {
        ExpiryPolicy eom = new ExpiryPolicy(ExpiryPolicy.Kind.END_OF_MONTH, 0);

        assertThat(eom.expiryFor(Instant.parse("2028-02-10T04:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2028-02-29T16:00:00Z"));
        assertThat(eom.expiryFor(Instant.parse("2026-12-15T04:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void endOfYearUsesTheProgramsZoneNotUtc() {
        ExpiryPolicy eoy = new ExpiryPolicy(ExpiryPolicy.Kind.END_OF_YEAR, 0);

        // 2025-12-31T16:30Z is already 2026-01-01 00:30 in Shanghai
        assertThat(eoy.expiryFor(Instant.parse("2025-12-31T16:30:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        // 2025-12-31T15:00Z is 23:00 on the last day of 2025 there
        assertThat(eoy.expiryFor(Instant.parse("2025-12-31T15:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
        assertThat(eoy.expiryFor(Instant.parse("2026-06-15T08:00:00Z"), SHANGHAI))
                .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void daysAfterEarnAndNever() {
        Instant earned = Instant.parse("2026-03-10T02:00:00Z");

        assertThat(new ExpiryPolicy(ExpiryPolicy.Kind.DAYS_AFTER_EARN, 30).expiryFor(earned, SHANGHAI))
                .isEqualTo(Instant.parse("2026-04-09T02:00:00Z"));
        Instant never = ExpiryPolicy.never().expiryFor(earned, SHANGHAI);
        assertThat(never).isEqualTo(ExpiryPolicy.NEVER);
        assertThat(ExpiryPolicy.isNever(never)).isTrue();
        assertThat(ExpiryPolicy.isNever(Instant.parse("2099-01-01T00:00:00Z"))).isFalse();
    }
}
