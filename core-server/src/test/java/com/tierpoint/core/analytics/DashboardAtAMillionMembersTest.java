package com.tierpoint.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.analytics.application.FoldingEvents;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.Dashboard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement, not part of the build: a million members (made with MariaDB's SEQUENCE engine),
 * the seed's one scan over them, three years of daily aggregates, then GetDashboard over 366 days
 * several times; the median is logged. Run it alone (it fills the test database):
 *
 * <pre>
 * TIERPOINT_TEST_DB_NAME=tierpoint_test_analytics ./mvnw -B verify -pl proto,core-server \
 *     -Dtest=DashboardAtAMillionMembersTest -Dtierpoint.scale=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "tierpoint.scale", matches = "true")
class DashboardAtAMillionMembersTest extends CoreTestBase {

    private static final Logger log = LoggerFactory.getLogger(DashboardAtAMillionMembersTest.class);
    static final int MEMBERS = 1_000_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FoldingEvents folding;

    @Test
    void theDashboardOfAYearReadsOnlyAggregatesAtAMillionMembers() {
        jdbc.update(
                """
                INSERT INTO member (id, app_id, openid, tier_code, tier_since, points_balance, growth_value,
                       total_spend_fen, order_count, valid_invites, version, enrolled_at, updated_at)
                SELECT 9000000000000 + seq, 'wxscale', CONCAT('o_scale_', seq),
                       ELT(1 + seq % 4, 'MEMBER', 'SILVER', 'GOLD', 'PLATINUM'), 0, seq % 1000, 0, 0, 0, 0, 1, 0, 0
                  FROM seq_1_to_1000000
                """);
        jdbc.update("UPDATE analytics_state SET seeded = FALSE, folded_seq = 0 WHERE id = 1");
        jdbc.update("DELETE FROM analytics_base_tier");
        long seedStart = System.nanoTime();
        folding.catchUp();
        long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
        jdbc.update(
                """
                INSERT INTO analytics_daily (day, points_issued, points_redeemed, points_expired, outstanding_delta,
                       members_enrolled, members_delta, active_members, check_ins, invites_created, invites_accepted,
                       tier_upgrades)
                SELECT DATE_FORMAT(DATE_ADD('2028-01-01', INTERVAL seq DAY), '%Y-%m-%d'),
                       900000 + seq, 400000, 100000, 400000 + seq, 900, 900, 250000, 120000, 3000, 900, 300
                  FROM seq_0_to_1095
                """);
        jdbc.update(
                """
                INSERT INTO analytics_daily_tier (day, tier_code, members_delta)
                SELECT DATE_FORMAT(DATE_ADD('2028-01-01', INTERVAL d.seq DAY), '%Y-%m-%d'),
                       ELT(1 + t.seq, 'MEMBER', 'SILVER', 'GOLD', 'PLATINUM'), IF(t.seq = 0, 600, 100)
                  FROM seq_0_to_1095 d CROSS JOIN seq_0_to_3 t
                """);
        jdbc.update(
                """
                INSERT INTO analytics_daily_move (day, from_tier, to_tier, members)
                SELECT DATE_FORMAT(DATE_ADD('2028-01-01', INTERVAL seq DAY), '%Y-%m-%d'), 'MEMBER', 'SILVER', 300
                  FROM seq_0_to_1095
                """);

        List<Long> micros = new ArrayList<>();
        Dashboard d = null;
        for (int run = 0; run < 9; run++) {
            long start = System.nanoTime();
            d = DashboardFromEventsTest.dashboard("2030-01-01", "2031-01-01");
            micros.add((System.nanoTime() - start) / 1_000);
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        log.info(
                "GetDashboard over 366 days at {} members: median {} ms (runs, µs: {}); seeding from the member table took {} ms",
                MEMBERS,
                sorted.get(sorted.size() / 2) / 1000.0,
                micros,
                seedMillis);

        assertThat(d.getDaysList()).hasSize(366);
        assertThat(d.getCurrent().getMembersTotal()).isGreaterThanOrEqualTo(MEMBERS);
    }
}
