package com.tierpoint.core.engagement;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.tierpoint.core.cache.MemberViewCache;
import com.tierpoint.core.cache.RedisConnection;
import com.tierpoint.core.engagement.infrastructure.RedisLeaderboards;
import com.tierpoint.core.support.TestServices;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.GetLeaderboardRequest;
import com.tierpoint.proto.v1.Leaderboard;
import com.tierpoint.proto.v1.LeaderboardEntry;
import com.tierpoint.proto.v1.ReverseRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Monthly points leaderboards. Every test works in a month of its own (2032), so that the totals
 * other tests earn in their months never show up on its boards.
 */
class MonthlyLeaderboardTest extends EngagementTestBase {

    @Autowired
    JdbcTemplate db;

    @Autowired
    RedisConnection redis;

    @Autowired
    RedisLeaderboards mirror;

    @Autowired
    MemberViewCache memberViews;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void bringRedisBack() {
        TestServices.get().redisProxy.restore();
        await(() -> !memberViews.suspect(), "the member view cache to leave suspect mode");
    }

    @Test
    void membersAreRankedByPointsEarnedInTheMonthWithTiesSharingARank() {
        setShanghaiTime("2032-01-05T10:00");
        String zhang = newMember("张三");
        String alice = newMember("Alice");
        String anonymous = newMember("");
        String wang = newMember("王");
        String idle = newMember("Eve");
        earn(zhang, 300);
        earn(alice, 500);
        earn(anonymous, 300);
        earn(wang, 100);
        redeem(zhang, 100); // spending does not lower what was earned

        Leaderboard board = board("2032-01", "", 0, wang);

        assertThat(board.getMonth()).isEqualTo("2032-01");
        assertThat(board.getEntriesList())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getMemberId, LeaderboardEntry::getPoints)
                .containsExactly(
                        tuple(1, alice, 500L),
                        tuple(2, higherId(zhang, anonymous), 300L),
                        tuple(2, lowerId(zhang, anonymous), 300L),
                        tuple(4, wang, 100L));
        assertThat(board.getEntriesList())
                .extracting(LeaderboardEntry::getMemberId, LeaderboardEntry::getNickname)
                .contains(
                        tuple(zhang, "张*"),
                        tuple(alice, "A***e"),
                        tuple(anonymous, "会员" + anonymous.substring(anonymous.length() - 4)),
                        tuple(wang, "王*"));
        assertThat(board.getOwn())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getPoints, LeaderboardEntry::getNickname)
                .containsExactly(4, 100L, "王*");
        assertThat(board("2032-01", "", 2, "").getEntriesList())
                .extracting(LeaderboardEntry::getMemberId)
                .containsExactly(alice, higherId(zhang, anonymous));
        assertThat(board("2032-01", "", 0, idle).getOwn())
                .as("a member who earned nothing is not ranked")
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getPoints)
                .containsExactly(0, 0L);
        assertThat(board("2032-01", "", 0, "").hasOwn()).isFalse();
    }

    @Test
    void reversingAnEarnLowersTheMonthsTotalAndTheRank() {
        setShanghaiTime("2032-02-10T10:00");
        String a = newMember("Anna");
        String b = newMember("Bob");
        String earned = earn(a, 500).getTransaction().getTransactionId();
        earn(b, 300);
        assertThat(ranking("2032-02")).containsExactly(tuple(1, a, 500L), tuple(2, b, 300L));

        reverse(a, earned, 300);
        assertThat(ranking("2032-02")).containsExactly(tuple(1, b, 300L), tuple(2, a, 200L));

        reverse(a, earned, 0);
        assertThat(ranking("2032-02")).containsExactly(tuple(1, b, 300L));
        assertThat(board("2032-02", "", 0, a).getOwn())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getPoints)
                .containsExactly(0, 0L);
        assertThat(monthlyTotalInDb(a, "2032-02")).isZero();
    }

    @Test
    void atMidnightShanghaiTimeTheBoardRollsOverToTheNewMonth() {
        setShanghaiTime("2032-03-31T23:30");
        String a = newMember("Anna");
        String march = earn(a, 100).getTransaction().getTransactionId();
        assertThat(board("", "", 0, "").getMonth()).isEqualTo("2032-03");

        setShanghaiTime("2032-04-01T00:30"); // still 31 March in UTC
        earn(a, 40);

        Leaderboard current = board("", "", 0, a);
        assertThat(current.getMonth()).isEqualTo("2032-04");
        assertThat(ranking("2032-04")).containsExactly(tuple(1, a, 40L));
        assertThat(ranking("2032-03")).containsExactly(tuple(1, a, 100L));

        reverse(a, march, 0); // a reversal counts in the month it is made
        assertThat(ranking("2032-03")).containsExactly(tuple(1, a, 100L));
        assertThat(ranking("2032-04")).isEmpty();
        assertThat(board("2032-04", "", 0, a).getOwn())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getPoints)
                .containsExactly(0, -60L);
    }

    @Test
    void aGroupBoardRanksOnlyTheMembersOfThatGroup() {
        setShanghaiTime("2032-05-06T10:00");
        String group = newGroupId();
        String otherGroup = newGroupId();
        String a = newMember("Anna");
        String b = newMember("Bob");
        String c = newMember("Cleo");
        String outsider = newMember("Olga");
        setGroups(a, List.of(group), List.of()); // joins before earning
        setGroups(b, List.of(group, otherGroup), List.of());
        earn(a, 100);
        earn(b, 200);
        earn(c, 50);
        earn(outsider, 1_000);
        setGroups(c, List.of(group), List.of()); // joins after earning

        Leaderboard groupBoard = board("2032-05", group, 0, outsider);

        assertThat(groupBoard.getGroupId()).isEqualTo(group);
        assertThat(groupBoard.getEntriesList())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getMemberId, LeaderboardEntry::getPoints)
                .containsExactly(tuple(1, b, 200L), tuple(2, a, 100L), tuple(3, c, 50L));
        assertThat(groupBoard.getOwn())
                .as("not in the group: not ranked on its board")
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getPoints)
                .containsExactly(0, 1_000L);
        assertThat(board("2032-05", group, 0, c).getOwn().getRank()).isEqualTo(3);
        assertThat(ranking("2032-05").get(0)).isEqualTo(tuple(1, outsider, 1_000L));

        setGroups(b, List.of(), List.of(group));
        setGroups(outsider, List.of(group), List.of());

        assertThat(board("2032-05", group, 0, "").getEntriesList())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getMemberId)
                .containsExactly(tuple(1, outsider), tuple(2, a), tuple(3, c));
        assertThat(board("2032-05", otherGroup, 0, "").getEntriesList())
                .extracting(LeaderboardEntry::getMemberId)
                .containsExactly(b);
        assertThat(board("2032-05", newGroupId(), 0, "").getEntriesList()).isEmpty();
    }

    @Test
    void aMonthRedisLostIsRebuiltFromMySqlAndServedFromRedisAgain() {
        setShanghaiTime("2032-06-10T10:00");
        String group = newGroupId();
        String a = newMember("Anna");
        String b = newMember("Bob");
        earn(a, 100);
        earn(b, 200);
        setGroups(a, List.of(group), List.of());
        Leaderboard before = board("2032-06", "", 0, a);
        Leaderboard groupBefore = board("2032-06", group, 0, a);

        deleteMonthKeys("2032-06");
        double rebuilds = counter("tierpoint.leaderboard.rebuilds");
        double redisReads = reads("redis");

        assertThat(board("2032-06", "", 0, a)).isEqualTo(before);
        assertThat(board("2032-06", group, 0, a)).isEqualTo(groupBefore);
        assertThat(counter("tierpoint.leaderboard.rebuilds")).isEqualTo(rebuilds + 1);
        assertThat(reads("redis")).isEqualTo(redisReads + 2);
        assertThat(redis.sync().exists("tp:lb:{2032-06}:ready")).isEqualTo(1L);
        assertThat(redis.sync().zscore("tp:lb:{2032-06}:scores", b)).isEqualTo(200.0);
    }

    @Test
    void whileAnotherInstanceRebuildsAMonthTheBoardIsAnsweredFromMySql() {
        setShanghaiTime("2032-07-10T10:00");
        String a = newMember("Anna");
        earn(a, 70);
        board("2032-07", "", 0, "");
        deleteMonthKeys("2032-07");
        redis.sync().psetex("tp:lb:{2032-07}:rebuild", 60_000, "another-instance");
        double mysqlReads = reads("mysql");

        Leaderboard answered = board("2032-07", "", 0, a);

        assertThat(answered.getEntriesList())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getMemberId, LeaderboardEntry::getPoints)
                .containsExactly(tuple(1, a, 70L));
        assertThat(answered.getOwn().getRank()).isEqualTo(1);
        assertThat(reads("mysql")).isEqualTo(mysqlReads + 1);
        assertThat(redis.sync().exists("tp:lb:{2032-07}:ready"))
                .as("left to the instance holding the lease")
                .isZero();

        redis.sync().del("tp:lb:{2032-07}:rebuild");
        assertThat(board("2032-07", "", 0, a)).isEqualTo(answered);
        assertThat(redis.sync().exists("tp:lb:{2032-07}:ready")).isEqualTo(1L);
    }

    @Test
    void withRedisCutTheBoardIsServedFromMySqlAndIsRightOnceRedisIsBack() {
        setShanghaiTime("2032-08-10T10:00");
        String group = newGroupId();
        String a = newMember("Anna");
        String b = newMember("Bob");
        earn(a, 100);
        earn(b, 50);
        setGroups(a, List.of(group), List.of());
        board("2032-08", "", 0, "");

        TestServices.get().redisProxy.cut();
        Leaderboard duringOutage;
        Leaderboard groupDuringOutage;
        try {
            earn(b, 100); // its Redis write is missed
            setGroups(b, List.of(group), List.of());
            duringOutage = board("2032-08", "", 0, a);
            groupDuringOutage = board("2032-08", group, 0, b);
        } finally {
            TestServices.get().redisProxy.restore();
        }

        assertThat(duringOutage.getEntriesList())
                .extracting(LeaderboardEntry::getRank, LeaderboardEntry::getMemberId, LeaderboardEntry::getPoints)
                .containsExactly(tuple(1, b, 150L), tuple(2, a, 100L));
        assertThat(duringOutage.getOwn().getRank()).isEqualTo(2);
        assertThat(groupDuringOutage.getEntriesList())
                .extracting(LeaderboardEntry::getMemberId)
                .containsExactly(b, a);
        assertThat(groupDuringOutage.getOwn().getRank()).isEqualTo(1);

        double redisReads = reads("redis");
        await(
                () -> {
                    board("2032-08", "", 0, "");
                    return reads("redis") > redisReads;
                },
                "the board to be served from Redis again");
        assertThat(board("2032-08", "", 0, a)).isEqualTo(duringOutage);
        assertThat(board("2032-08", group, 0, b)).isEqualTo(groupDuringOutage);
        assertThat(redis.sync().zscore("tp:lb:{2032-08}:scores", b)).isEqualTo(150.0);
    }

    @Test
    void anOlderWriteNeverOverwritesANewerTotal() {
        setShanghaiTime("2032-09-10T10:00");
        String a = newMember("Anna");
        earn(a, 100);
        earn(a, 20);
        Leaderboard current = board("2032-09", "", 0, a);
        long version = member(a).getVersion();

        mirror.put(
                YearMonth.of(2032, 9),
                List.of(
                        new RedisLeaderboards.MemberState(Long.parseLong(a), version - 1, 100, List.of()),
                        new RedisLeaderboards.MemberState(Long.parseLong(a), version, 9_999, List.of())),
                Duration.ofHours(1));

        assertThat(board("2032-09", "", 0, a)).isEqualTo(current);
        assertThat(current.getOwn().getPoints()).isEqualTo(120);
    }

    @Test
    void invalidQueriesAreRejectedNamingEachFieldAndAnUnknownMemberIsNotFound() {
        assertThatThrownBy(() -> board("2032-1", "wr bad", 101, "x1"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder("month", "group_id", "top_n", "member_id");
                });
        assertThatThrownBy(() -> board("", "", -1, ""))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("top_n"));
        assertThatThrownBy(() -> board("", "", 0, "999999999999"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void readingABoardNeedsOnlyMembersRead() {
        EngagementServiceGrpc.EngagementServiceBlockingStub reader = EngagementServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(READER_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        Leaderboard board = reader.getLeaderboard(
                GetLeaderboardRequest.newBuilder().setMonth("2032-10").build());

        assertThat(board.getMonth()).isEqualTo("2032-10");
        assertThat(board.getEntriesList()).isEmpty();
    }

    private static List<org.assertj.core.groups.Tuple> ranking(String month) {
        return board(month, "", 100, "").getEntriesList().stream()
                .map(e -> tuple(e.getRank(), e.getMemberId(), e.getPoints()))
                .toList();
    }

    private static void reverse(String member, String transactionId, long points) {
        points().reverse(ReverseRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(member)
                .setTransactionId(transactionId)
                .setPoints(points)
                .setReason("撤回")
                .build());
    }

    private long monthlyTotalInDb(String member, String month) {
        return db.queryForObject(
                "SELECT points FROM points_month WHERE member_id = ? AND earn_month = ?",
                Long.class,
                Long.parseLong(member),
                month);
    }

    private void deleteMonthKeys(String month) {
        List<String> keys = redis.sync().keys("tp:lb:{" + month + "}:*");
        assertThat(keys).isNotEmpty();
        redis.sync().del(keys.toArray(String[]::new));
    }

    private double reads(String source) {
        return meters.counter("tierpoint.leaderboard.reads", "source", source).count();
    }

    private double counter(String name) {
        return meters.counter(name).count();
    }

    /** Of two member ids, the one Redis lists first among equal totals. */
    private static String higherId(String x, String y) {
        return Long.parseLong(x) > Long.parseLong(y) ? x : y;
    }

    private static String lowerId(String x, String y) {
        return Long.parseLong(x) > Long.parseLong(y) ? y : x;
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
