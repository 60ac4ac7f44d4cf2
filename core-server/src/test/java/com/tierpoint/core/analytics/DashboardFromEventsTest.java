package com.tierpoint.core.analytics;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.analytics.application.FoldingEvents;
import com.tierpoint.core.events.application.Sequencer;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.AdjustPointsRequest;
import com.tierpoint.proto.v1.AnalyticsServiceGrpc;
import com.tierpoint.proto.v1.CheckInRequest;
import com.tierpoint.proto.v1.Dashboard;
import com.tierpoint.proto.v1.DashboardDay;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.GetDashboardRequest;
import com.tierpoint.proto.v1.OperatorRole;
import com.tierpoint.proto.v1.OperatorServiceGrpc;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.SetOperatorRequest;
import com.tierpoint.proto.v1.TierCount;
import com.tierpoint.proto.v1.TierMove;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A generated program over three days, made through the real use cases, with known totals. The
 * days (in 2031) belong to this test alone; running totals are compared with what the dashboard
 * said before the test, since the shared database holds other tests' members too.
 */
class DashboardFromEventsTest extends CoreTestBase {

    static final Instant DAY1 = Instant.parse("2031-05-01T02:00:00Z"); // 10:00 in Shanghai
    static final int MEMBERS = 200;

    @Autowired
    FoldingEvents folding;

    @Autowired
    Sequencer sequencer;

    @Test
    void threeGeneratedDaysAddUpExactlyAndFoldingAgainOrConcurrentlyCountsNothingTwice() throws Exception {
        foldEverything();
        Dashboard before = dashboard("2031-05-01", "2031-05-03");
        // the running totals as these days start (other tests may have used later days)
        long members0 = before.getDays(0).getMembersTotal();
        long outstanding0 = before.getDays(0).getPointsOutstanding();
        long silver0 = tier(before.getDays(0).getMembersPerTierList(), "SILVER");
        long entry0 = tier(before.getDays(0).getMembersPerTierList(), "MEMBER");
        String op = "analyst-op-" + UUID.randomUUID().toString().substring(0, 6);
        operators()
                .setOperator(SetOperatorRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setActorUserId(BOOTSTRAP_ADMIN)
                        .setUserId(op)
                        .setRole(OperatorRole.OPERATOR)
                        .setDailyGrantCap(10_000)
                        .setActive(true)
                        .build());

        // day 1: 200 members enrol and each earns 100; 50 of them redeem 30
        clock.set(DAY1);
        List<String> ms = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String m = newMember();
            earn(m, 100);
            ms.add(m);
        }
        for (int i = 0; i < 50; i++) {
            redeem(ms.get(i), 30);
        }
        // day 2: 80 check in; an operator grants 10 to 5 members and deducts 5 from 2 others
        clock.set(DAY1.plus(Duration.ofDays(1)));
        for (int i = 100; i < 180; i++) {
            engagement()
                    .checkIn(CheckInRequest.newBuilder()
                            .setIdempotencyKey(uniqueKey())
                            .setMemberId(ms.get(i))
                            .build());
        }
        for (int i = 0; i < 5; i++) {
            adjust(op, ms.get(190 + i), 10);
        }
        adjust(op, ms.get(195), -5);
        adjust(op, ms.get(196), -5);
        // day 3: 10 members pay a ¥1000 order each (1000 growth: silver)
        clock.set(DAY1.plus(Duration.ofDays(2)));
        for (int i = 0; i < 10; i++) {
            orders().recordOrder(RecordOrderRequest.newBuilder()
                    .setIdempotencyKey(uniqueKey())
                    .setOrderId("A-" + UUID.randomUUID())
                    .setMemberId(ms.get(i))
                    .setAmountFen(100_000)
                    .setStatus(OrderStatus.PAID)
                    .setOccurredAt(
                            Timestamp.newBuilder().setSeconds(clock.instant().getEpochSecond()))
                    .build());
        }
        foldEverything();

        Dashboard d = dashboard("2031-05-01", "2031-05-03");

        DashboardDay d1 = d.getDays(0);
        DashboardDay d2 = d.getDays(1);
        DashboardDay d3 = d.getDays(2);
        assertThat(d.getDaysList())
                .extracting(DashboardDay::getDay)
                .containsExactly("2031-05-01", "2031-05-02", "2031-05-03");
        assertThat(d1.getMembersEnrolled()).isEqualTo(MEMBERS);
        assertThat(d1.getPointsIssued()).isEqualTo(MEMBERS * 100L);
        assertThat(d1.getPointsRedeemed()).isEqualTo(50 * 30L);
        assertThat(d1.getRedemptionRate()).isEqualTo(1500.0 / 20000.0);
        assertThat(d1.getActiveMembers()).isEqualTo(MEMBERS);
        assertThat(d1.getMembersTotal()).isEqualTo(members0 + MEMBERS);
        assertThat(d1.getPointsOutstanding()).isEqualTo(outstanding0 + 20_000 - 1_500);
        assertThat(tier(d1.getMembersPerTierList(), "MEMBER") - entry0).isEqualTo(MEMBERS);

        long checkInPoints = 80 * 5L; // the weekly cycle gives 5 on a first day
        assertThat(d2.getCheckIns()).isEqualTo(80);
        assertThat(d2.getActiveMembers())
                .as("check-ins; operator grants are not the member's activity")
                .isEqualTo(80);
        assertThat(d2.getCheckInRate()).isEqualTo(1.0);
        assertThat(d2.getPointsIssued()).isEqualTo(checkInPoints + 50);
        assertThat(d2.getPointsOperatorGranted()).isEqualTo(50);
        assertThat(d2.getPointsRedeemed()).isEqualTo(10);
        assertThat(d2.getPointsOperatorDeducted()).isEqualTo(10);
        assertThat(d2.getMembersEnrolled()).isZero();
        assertThat(d2.getMembersTotal()).isEqualTo(members0 + MEMBERS);
        assertThat(d2.getPointsOutstanding()).isEqualTo(d1.getPointsOutstanding() + checkInPoints + 50 - 10);

        assertThat(d3.getActiveMembers()).isEqualTo(10);
        assertThat(d3.getTierUpgrades()).isEqualTo(10);
        assertThat(d3.getTierMovesList())
                .containsExactly(TierMove.newBuilder()
                        .setFromTier("MEMBER")
                        .setToTier("SILVER")
                        .setMembers(10)
                        .build());
        assertThat(tier(d3.getMembersPerTierList(), "SILVER")).isEqualTo(silver0 + 10);
        long balances = ms.stream().mapToLong(DashboardFromEventsTest::balance).sum();
        assertThat(d3.getPointsOutstanding())
                .as("the members' available + pending points")
                .isEqualTo(outstanding0 + balances);
        assertThat(d.getCurrent().getPointsOutstanding() - before.getCurrent().getPointsOutstanding())
                .isEqualTo(balances);
        assertThat(d.getCurrent().getMembersTotal() - before.getCurrent().getMembersTotal())
                .isEqualTo(MEMBERS);
        assertThat(d.getTotals().getPointsIssued())
                .isEqualTo(d1.getPointsIssued() + d2.getPointsIssued() + d3.getPointsIssued());

        // folding again, and two folds racing, change nothing
        foldEverything();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return folding.catchUp();
                }));
            }
            start.countDown();
            for (Future<Integer> f : racing) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dashboard("2031-05-01", "2031-05-03")).isEqualTo(d);
    }

    @Test
    void eventsFoldedInSeveralSmallRunsGiveTheSameDayAsOneRun() {
        foldEverything();
        clock.set(DAY1.plus(Duration.ofDays(10)));
        for (int i = 0; i < 30; i++) {
            earn(newMember(), 7);
        }
        sequencer.sequenceNow();

        int folded = 0;
        int n;
        while ((n = folding.foldUpTo(7)) > 0) {
            folded += n;
        }

        DashboardDay day = dashboard("2031-05-11", "2031-05-11").getDays(0);
        assertThat(folded).isEqualTo(60);
        assertThat(day.getMembersEnrolled()).isEqualTo(30);
        assertThat(day.getPointsIssued()).isEqualTo(210);
        assertThat(day.getActiveMembers()).isEqualTo(30);
    }

    @Test
    void daysWithoutActivityCarryTheRunningTotalsAndBadRangesAreInvalid() {
        foldEverything();
        Dashboard quiet = dashboard("2040-01-01", "2040-01-03");

        assertThat(quiet.getDaysList()).hasSize(3).allSatisfy(day -> {
            assertThat(day.getPointsIssued()).isZero();
            assertThat(day.getMembersTotal()).isEqualTo(quiet.getCurrent().getMembersTotal());
            assertThat(day.getPointsOutstanding()).isEqualTo(quiet.getCurrent().getPointsOutstanding());
        });
        assertThatThrownBy(() -> dashboard("2031-05-03", "2031-05-01"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("to_day"));
        assertThatThrownBy(() -> dashboard("2030-01-01", "2031-01-02"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("to_day"));
        assertThatThrownBy(() -> dashboard("2031/05/01", ""))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(fields(e))
                        .containsExactlyInAnyOrder("from_day", "to_day"));
    }

    private void foldEverything() {
        sequencer.sequenceNow();
        folding.catchUp();
        folding.catchUp(); // the first ever call only seeds
    }

    static Dashboard dashboard(String from, String to) {
        return AnalyticsServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .getDashboard(GetDashboardRequest.newBuilder()
                        .setFromDay(from)
                        .setToDay(to)
                        .build());
    }

    static OperatorServiceGrpc.OperatorServiceBlockingStub operators() {
        return OperatorServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static EngagementServiceGrpc.EngagementServiceBlockingStub engagement() {
        return EngagementServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static void adjust(String op, String m, long amount) {
        operators()
                .adjustPoints(AdjustPointsRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setActorUserId(op)
                        .setMemberId(m)
                        .setAmount(amount)
                        .setReason("社群活动")
                        .build());
    }

    static long balance(String m) {
        var b = points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(m).build());
        return b.getAvailable() + b.getPending();
    }

    static long tier(List<TierCount> counts, String code) {
        return counts.stream()
                .filter(c -> c.getTierCode().equals(code))
                .mapToLong(TierCount::getMembers)
                .sum();
    }
}
