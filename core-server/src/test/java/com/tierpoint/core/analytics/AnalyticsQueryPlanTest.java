package com.tierpoint.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.analytics.infrastructure.AnalyticsMapper;
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

    @Test
    void everyDashboardStatementTouchesOnlyTheDailyAggregates() {
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
