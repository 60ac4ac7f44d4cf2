package com.tierpoint.core.jobs;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.jobs.application.JobScheduler;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.TransactionType;
import com.tierpoint.proto.v1.WeChatIdentity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tests of the scheduled jobs: they run the jobs themselves and look at ledgers and outbox rows. */
abstract class JobsTestBase extends CoreTestBase {

    @Autowired
    JobScheduler scheduler;

    @Autowired
    OutboxMapper outbox;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void timeStartsOverForTheJobs() {
        // the clock of these tests goes back to T0 for every test; real time never does
        jdbc.update("UPDATE job_lease SET cursor_ms = 0, lease_until = 0");
    }

    /** A paid order at the clock's time. */
    void order(String m, long fen) {
        Instant now = clock.instant();
        orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId("J-" + UUID.randomUUID())
                .setMemberId(m)
                .setAmountFen(fen)
                .setStatus(OrderStatus.PAID)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
                .build());
    }

    static String enrollBornOn(String birthday) {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setIdentity(
                                WeChatIdentity.newBuilder().setAppId("wxtest").setOpenid("o_" + UUID.randomUUID()))
                        .setBirthday(birthday)
                        .build())
                .getMember()
                .getMemberId();
    }

    /** Available + pending points. */
    static long balance(String m) {
        var b = points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(m).build());
        return b.getAvailable() + b.getPending();
    }

    static List<PointsTransaction> ofType(String m, TransactionType type) {
        return points()
                .listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(m)
                        .setPageSize(100)
                        .build())
                .getTransactionsList()
                .stream()
                .filter(t -> t.getType() == type)
                .toList();
    }

    List<OutboxRow> events(String m, String type) {
        return outbox.ofMember(Long.parseLong(m)).stream()
                .filter(r -> r.eventType.equals(type))
                .toList();
    }
}
