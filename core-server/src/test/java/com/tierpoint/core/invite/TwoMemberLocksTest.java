package com.tierpoint.core.invite;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.grpc.ErrorTranslator;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.shared.model.MemberId;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Why a transaction touching two members is safe to lose: if two of them ever lock the same two
 * members in opposite orders, the database picks a victim, and the victim reaches the client as
 * ABORTED, which clients retry with the same idempotency key (see docs/adr/0008).
 */
class TwoMemberLocksTest extends InviteScenario {

    @Autowired
    MemberWrites writes;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aDeadlockVictimSurfacesAsRetryableAbortedWhileTheOtherTransactionCommits() throws Exception {
        long a = MemberId.of(newMember());
        long b = MemberId.of(newMember());
        CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (long[] order : List.of(new long[] {a, b}, new long[] {b, a})) {
                runs.add(pool.submit(() -> tx.executeWithoutResult(s -> {
                    writes.lock(order[0]);
                    await(bothHoldTheirFirstLock);
                    writes.lock(order[1]);
                })));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> run : runs) {
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }

            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isInstanceOf(PessimisticLockingFailureException.class);
            Status status = ErrorTranslator.translate(failures.get(0), "tierpoint.v1.InviteService/AcceptInvite")
                    .getStatus();
            assertThat(status.getCode()).isEqualTo(Status.Code.ABORTED);
            assertThat(status.getDescription()).contains("retry with the same idempotency key");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
