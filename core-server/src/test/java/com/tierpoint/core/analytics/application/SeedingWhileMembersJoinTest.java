package com.tierpoint.core.analytics.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.analytics.infrastructure.AnalyticsMapper;
import com.tierpoint.core.events.application.EventLog;
import com.tierpoint.core.events.application.Sequencer;
import com.tierpoint.core.events.infrastructure.EventSequenceMapper;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.AnalyticsServiceGrpc;
import com.tierpoint.proto.v1.DashboardSnapshot;
import com.tierpoint.proto.v1.GetDashboardRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The first fold seeds the running totals from the member table and starts folding at the stream
 * head it locked. A member who joins while the seed runs must be counted exactly once: either in
 * the seed or by the fold of their events, never both and never neither. The seed reads the
 * member table and the unsequenced events in one statement, so there is no moment between them.
 */
class SeedingWhileMembersJoinTest extends CoreTestBase {

    @Autowired
    AnalyticsMapper analytics;

    @Autowired
    EventLog events;

    @Autowired
    EventSequenceMapper sequence;

    @Autowired
    ProgramStore programs;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Sequencer sequencer;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest(name = "joins before the seed reads: {0}")
    @ValueSource(booleans = {true, false})
    void aMemberWhoJoinsWhileTheSeedHoldsTheSequenceIsCountedOnce(boolean beforeTheRead) throws Exception {
        clock.set(T0);
        String[] joined = new String[1];
        // with the sequence locked, someone enrols and earns (committed) just before or just
        // after the seed reads
        AnalyticsMapper joiningMidSeed = (AnalyticsMapper) Proxy.newProxyInstance(
                AnalyticsMapper.class.getClassLoader(),
                new Class<?>[] {AnalyticsMapper.class},
                (proxy, method, args) -> {
                    boolean reading = method.getName().equals("seedReading");
                    if (reading && beforeTheRead) {
                        joined[0] = join();
                    }
                    Object result;
                    try {
                        result = method.invoke(analytics, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (reading && !beforeTheRead) {
                        joined[0] = join();
                    }
                    return result;
                });
        FoldingEvents folding = new FoldingEvents(joiningMidSeed, events, sequence, programs, transactions, clock);
        startAnalyticsAfresh();

        folding.catchUp(); // the first fold only seeds
        sequencer.sequenceNow();
        folding.catchUp();

        assertThat(joined[0]).as("a member joined during the seed").isNotNull();
        long members = jdbc.queryForObject("SELECT COUNT(*) FROM member", Long.class);
        long outstanding = jdbc.queryForObject("SELECT COALESCE(SUM(points_balance), 0) FROM member", Long.class);
        DashboardSnapshot now = AnalyticsServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .getDashboard(GetDashboardRequest.newBuilder()
                        .setFromDay("2026-03-10")
                        .setToDay("2026-03-10")
                        .build())
                .getCurrent();
        assertThat(now.getMembersTotal()).as("every member counted once").isEqualTo(members);
        assertThat(now.getPointsOutstanding())
                .as("every member's points counted once")
                .isEqualTo(outstanding);
    }

    /** Someone enrols and earns, on another thread, committed when this returns. */
    private static String join() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    String m = newMember();
                    earn(m, 25);
                    return m;
                })
                .get(20, TimeUnit.SECONDS);
    }

    /** As on a database whose aggregates were never folded. */
    private void startAnalyticsAfresh() {
        for (String table : new String[] {
            "analytics_daily",
            "analytics_daily_tier",
            "analytics_daily_move",
            "analytics_active_day",
            "analytics_base_tier",
            "analytics_seed_skip"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update(
                """
                UPDATE analytics_state SET folded_seq = 0, seeded = FALSE, covered_from_day = NULL, as_of = NULL,
                       base_members = 0, base_outstanding = 0
                 WHERE id = 1
                """);
    }
}
