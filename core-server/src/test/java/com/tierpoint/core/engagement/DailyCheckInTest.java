package com.tierpoint.core.engagement;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.CheckInCalendar;
import com.tierpoint.proto.v1.CheckInDay;
import com.tierpoint.proto.v1.CheckInRequest;
import com.tierpoint.proto.v1.CheckInResponse;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.GetCheckInCalendarRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.PointsTransaction;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DailyCheckInTest extends EngagementTestBase {

    @Autowired
    JdbcTemplate db;

    @Autowired
    OutboxMapper outbox;

    @Test
    void checkInsAt2359And0001ShanghaiTimeAreTwoDaysOfOneStreak() {
        String m = newMember();

        clock.set(Instant.parse("2026-03-10T15:59:00Z")); // 23:59 on 10 March in Shanghai
        CheckInResponse late = checkIn(m);
        clock.set(Instant.parse("2026-03-10T16:01:00Z")); // 00:01 on 11 March in Shanghai
        CheckInResponse early = checkIn(m);

        assertThat(late.getDay()).isEqualTo("2026-03-10");
        assertThat(late.getStreak()).isEqualTo(1);
        assertThat(late.getAlreadyCheckedIn()).isFalse();
        assertThat(early.getDay()).isEqualTo("2026-03-11");
        assertThat(early.getStreak()).isEqualTo(2);
        assertThat(early.getAlreadyCheckedIn()).isFalse();
        assertThat(balance(m)).isEqualTo(10);
        assertThat(member(m).getGrowthValue()).isEqualTo(2);
        assertLedgerConsistent(db, m);
    }

    @Test
    void twoUtcDatesInsideOneShanghaiDayAreOneCheckIn() {
        String m = newMember();

        clock.set(Instant.parse("2026-03-10T16:01:00Z")); // 00:01 on 11 March in Shanghai
        CheckInResponse first = checkIn(m);
        clock.set(Instant.parse("2026-03-11T15:59:00Z")); // 23:59 on 11 March in Shanghai
        CheckInResponse second = checkIn(m);

        assertThat(first.getDay()).isEqualTo("2026-03-11");
        assertThat(second.getAlreadyCheckedIn()).isTrue();
        assertThat(second.getDay()).isEqualTo("2026-03-11");
        assertThat(balance(m)).isEqualTo(5);
    }

    @Test
    void aSecondCheckInTheSameDayReturnsTheFirstAndGrantsNothing() {
        String m = newMember();
        setShanghaiTime("2026-03-10T09:00");
        CheckInResponse first = checkIn(m);
        long versionAfterFirst = member(m).getVersion();

        setShanghaiTime("2026-03-10T21:30");
        CheckInResponse again = checkIn(m);

        assertThat(first.getPoints()).isEqualTo(5);
        assertThat(first.getGrowth()).isEqualTo(1);
        assertThat(first.getTransactionId()).isNotEmpty();
        assertThat(again.getAlreadyCheckedIn()).isTrue();
        assertThat(again.toBuilder().setAlreadyCheckedIn(false).build())
                .as("the same check-in, reported again")
                .isEqualTo(first);
        assertThat(balance(m)).isEqualTo(5);
        assertThat(member(m).getGrowthValue()).isEqualTo(1);
        assertThat(member(m).getVersion()).isEqualTo(versionAfterFirst);
        assertThat(events(m, "checkin.done")).hasSize(1);
        assertThat(transactions(m)).hasSize(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void aRetriedIdempotencyKeyReplaysTheStoredResponseAndAnotherRequestUnderItIsRefused() {
        String m = newMember();
        String other = newMember();

        CheckInResponse first = checkIn(m, "checkin-retry-1-" + m);
        CheckInResponse retried = checkIn(m, "checkin-retry-1-" + m);

        assertThat(retried).isEqualTo(first);
        assertThat(retried.getAlreadyCheckedIn())
                .as("the stored response, not a second check-in")
                .isFalse();
        assertThat(balance(m)).isEqualTo(5);
        assertThatThrownBy(() -> checkIn(other, "checkin-retry-1-" + m))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(reason(e)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
                });
        assertThat(balance(other)).isZero();
    }

    @Test
    void twoSimultaneousCheckInsOfOneMemberGrantOneReward() throws Exception {
        String m = newMember();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckInResponse>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return checkIn(m);
                }));
            }
            start.countDown();
            List<CheckInResponse> responses = new ArrayList<>();
            for (Future<CheckInResponse> f : calls) {
                responses.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).filteredOn(r -> !r.getAlreadyCheckedIn()).hasSize(1);
            assertThat(responses)
                    .extracting(CheckInResponse::getTransactionId)
                    .containsOnly(responses.get(0).getTransactionId());
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(m)).isEqualTo(5);
        assertThat(events(m, "checkin.done")).hasSize(1);
        assertLedgerConsistent(db, m);
    }

    @Test
    void aMissedDayRestartsTheStreakAtOne() {
        String m = newMember();
        setShanghaiTime("2026-03-10T08:00");
        checkIn(m);
        clock.advance(Duration.ofDays(1));
        CheckInResponse second = checkIn(m);
        clock.advance(Duration.ofDays(2)); // 12 March missed

        CheckInResponse afterGap = checkIn(m);

        assertThat(second.getStreak()).isEqualTo(2);
        assertThat(afterGap.getDay()).isEqualTo("2026-03-13");
        assertThat(afterGap.getStreak()).isEqualTo(1);
        assertThat(afterGap.getPoints()).isEqualTo(5);
        assertThat(afterGap.getNextReward().getStreak()).isEqualTo(2);
    }

    @Test
    void theSeventhDayInARowEarnsTheBonusAndTheCycleThenStartsOver() {
        String m = newMember();
        setShanghaiTime("2026-03-01T07:30");
        List<CheckInResponse> week = new ArrayList<>();
        for (int day = 1; day <= 8; day++) {
            week.add(checkIn(m));
            clock.advance(Duration.ofDays(1));
        }

        assertThat(week).extracting(CheckInResponse::getStreak).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(week).extracting(CheckInResponse::getPoints).containsExactly(5L, 5L, 5L, 5L, 5L, 5L, 20L, 5L);
        assertThat(week.get(5).getNextReward().getPoints())
                .as("day 6 announces the bonus of day 7")
                .isEqualTo(20);
        assertThat(week.get(5).getNextReward().getDay()).isEqualTo("2026-03-07");
        assertThat(balance(m)).isEqualTo(5 * 7 + 20);
        assertThat(transactions(m)).extracting(PointsTransaction::getReason).contains("签到 第1天", "签到 第7天", "签到 第8天");
        assertLedgerConsistent(db, m);
    }

    @Test
    void theCalendarShowsTheMonthsCheckInsTheStreakAndTheNextReward() {
        String m = newMember();
        setShanghaiTime("2026-03-30T10:00");
        checkIn(m);
        clock.advance(Duration.ofDays(1));
        checkIn(m);
        clock.advance(Duration.ofDays(1)); // 1 April
        checkIn(m);

        CheckInCalendar march = calendar(m, "2026-03");
        CheckInCalendar april = calendar(m, "");

        assertThat(march.getMonth()).isEqualTo("2026-03");
        assertThat(march.getDaysList())
                .extracting(CheckInDay::getDay, CheckInDay::getStreak, CheckInDay::getPoints)
                .containsExactly(tuple("2026-03-30", 1, 5L), tuple("2026-03-31", 2, 5L));
        assertThat(april.getMonth()).as("the current month by default").isEqualTo("2026-04");
        assertThat(april.getToday()).isEqualTo("2026-04-01");
        assertThat(april.getDaysList()).extracting(CheckInDay::getDay).containsExactly("2026-04-01");
        assertThat(april.getCurrentStreak()).isEqualTo(3);
        assertThat(april.getCheckedInToday()).isTrue();
        assertThat(april.getCheckInEnabled()).isTrue();
        assertThat(april.getNextReward().getDay()).isEqualTo("2026-04-02");
        assertThat(april.getNextReward().getStreak()).isEqualTo(4);

        clock.advance(Duration.ofDays(1)); // 2 April, not yet checked in: the streak is still alive
        CheckInCalendar open = calendar(m, "");
        assertThat(open.getCurrentStreak()).isEqualTo(3);
        assertThat(open.getCheckedInToday()).isFalse();
        assertThat(open.getNextReward().getDay()).isEqualTo("2026-04-02");
        assertThat(open.getNextReward().getStreak()).isEqualTo(4);

        clock.advance(Duration.ofDays(1)); // 3 April: 2 April was missed
        CheckInCalendar broken = calendar(m, "");
        assertThat(broken.getCurrentStreak()).isZero();
        assertThat(broken.getNextReward().getStreak()).isEqualTo(1);
    }

    @Test
    void checkInIsRefusedWhileTheProgramHasItSwitchedOff() {
        useProgram(TestPrograms.standard().toBuilder().clearCheckIn().build());
        String m = newMember();
        long version = member(m).getVersion();

        assertThatThrownBy(() -> checkIn(m)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(reason(e)).isEqualTo("CHECK_IN_DISABLED");
        });
        CheckInCalendar calendar = calendar(m, "");

        assertThat(member(m).getVersion()).isEqualTo(version);
        assertThat(balance(m)).isZero();
        assertThat(checkInRows(m)).isZero();
        assertThat(calendar.getCheckInEnabled()).isFalse();
        assertThat(calendar.hasNextReward()).isFalse();
    }

    @Test
    void invalidRequestsAreRejectedNamingEachFieldAndChangeNothing() {
        String m = newMember();

        assertThatThrownBy(() -> engagement()
                        .checkIn(CheckInRequest.newBuilder().setMemberId("12ab").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder("idempotency_key", "member_id");
                });
        assertThatThrownBy(() -> calendar(m, "2026-13")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(fields(e)).containsExactly("month");
        });
        assertThatThrownBy(() -> calendar("999999999999", ""))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> checkIn("999999999999"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

        assertThat(checkInRows(m)).isZero();
        assertThat(balance(m)).isZero();
    }

    @Test
    void checkingInNeedsMembersWriteAndTheCalendarMembersRead() {
        String m = newMember();
        EngagementServiceGrpc.EngagementServiceBlockingStub reader = EngagementServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(READER_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> reader.checkIn(CheckInRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setMemberId(m)
                        .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(reader.getCheckInCalendar(GetCheckInCalendarRequest.newBuilder()
                                .setMemberId(m)
                                .build())
                        .getDaysCount())
                .isZero();
        assertThat(checkInRows(m)).isZero();
    }

    @Test
    void growthFromACheckInCanUpgradeTheTier() {
        useProgram(TestPrograms.standard().toBuilder()
                .setCheckIn(TestPrograms.weeklyCheckIn().toBuilder().setGrowthPerCheckIn(1_000))
                .build());
        String m = newMember();

        checkIn(m);

        assertThat(member(m).getGrowthValue()).isEqualTo(1_000);
        assertThat(member(m).getTier().getCode()).isEqualTo("SILVER");
        assertThat(events(m, "tier.upgraded")).hasSize(1);
    }

    @Test
    void aCheckInWritesACheckinDoneEventWithItsReward() {
        String m = newMember();
        setShanghaiTime("2026-03-10T12:00");

        CheckInResponse r = checkIn(m);

        List<OutboxRow> done = events(m, "checkin.done");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).payload)
                .contains("\"day\":\"2026-03-10\"", "\"streak\":1", "\"points\":5", "\"growth\":1")
                .contains("\"transaction_id\":\"" + r.getTransactionId() + "\"");
    }

    private List<OutboxRow> events(String m, String type) {
        return outbox.ofMember(Long.parseLong(m)).stream()
                .filter(e -> e.eventType.equals(type))
                .toList();
    }

    private long checkInRows(String m) {
        return db.queryForObject("SELECT COUNT(*) FROM check_in WHERE member_id = ?", Long.class, Long.parseLong(m));
    }

    private static long balance(String m) {
        return points().getBalance(GetBalanceRequest.newBuilder().setMemberId(m).build())
                .getAvailable();
    }

    private static List<PointsTransaction> transactions(String m) {
        return points().listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(m)
                        .setPageSize(100)
                        .build())
                .getTransactionsList();
    }
}
