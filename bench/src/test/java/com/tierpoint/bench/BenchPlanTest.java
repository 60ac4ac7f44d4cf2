package com.tierpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchPlanTest {

    @Test
    void everyCoreScenarioIsFollowedByItsRawBaseline() {
        assertThat(Bench.plan("all"))
                .containsExactly(
                        "earn",
                        "raw-earn",
                        "redeem-hot",
                        "raw-redeem-hot",
                        "get-member",
                        "raw-get",
                        "record-order",
                        "raw-earn",
                        "gateway-me",
                        "raw-get");
        assertThat(Bench.plan("raw-get")).containsExactly("raw-get");
        assertThat(Bench.plan("floor-earn,floor-earn-ledger"))
                .containsExactly("floor-earn", "raw-earn", "floor-earn-ledger", "raw-earn");
    }

    @Test
    void aResultIsOneJsonLineWithMillisecondPercentiles() {
        Histogram h = new Histogram(60_000_000_000L, 3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L);
        }
        String line = Result.of("earn", 32, 10.0, h, 0, 0.5).json();
        assertThat(line)
                .startsWith(
                        "{\"scenario\":\"earn\",\"concurrency\":32,\"seconds\":10.0,\"ops\":100,\"ops_per_s\":10.0,")
                .contains("\"p50_ms\":50.0")
                .contains("\"p99_ms\":99.0")
                .contains("\"errors\":0")
                .doesNotContain("\n");
    }

    @Test
    void fieldsAreReadFromJsonAnswers() {
        assertThat(CoreScenarios.field("{\"code\":\"abc\",\"openid\":\"o1\"}", "code"))
                .isEqualTo("abc");
    }
}
