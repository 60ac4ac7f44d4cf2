package com.tierpoint.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.tierpoint.core.analytics.infrastructure.AnalyticsMapper;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import com.tierpoint.core.support.CoreTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's statements read only the analytics tables: no members, no ledger. */
class AnalyticsQueryPlanTest extends CoreTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoundTrips trips;

    @Test
    void everyDashboardStatementTouchesOnlyTheDailyAggregates() {
        // MySQL's EXPLAIN names each table read; H2's answers one plan text
        assumeThat(trips.together()).as("the test database is MySQL or MariaDB").isTrue();
        List<String> statements = List.of(
                AnalyticsMapper.STATE,
                AnalyticsMapper.DAYS,
                AnalyticsMapper.TOTALS_BEFORE,
                AnalyticsMapper.TIERS_BEFORE,
                AnalyticsMapper.TIER_DAYS,
                AnalyticsMapper.MOVE_DAYS,
                AnalyticsMapper.BASE_TIERS);
        for (String sql : statements) {
            String concrete = sql.replace("#{from}", "'2031-05-01'")
                    .replace("#{to}", "'2031-05-31'")
                    .replace("#{before}", "'2031-05-01'");

            List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + concrete);

            assertThat(plan).as(concrete).isNotEmpty().allSatisfy(row -> assertThat(String.valueOf(row.get("table")))
                    .as("table read by " + concrete)
                    .startsWith("analytics_"));
        }
    }
}
