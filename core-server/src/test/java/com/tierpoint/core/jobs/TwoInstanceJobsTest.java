package com.tierpoint.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.jobs.application.JobRun;
import com.tierpoint.core.jobs.application.JobScheduler;
import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.BirthdayGift;
import com.tierpoint.proto.v1.Reminders;
import com.tierpoint.proto.v1.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two core servers on one database run every job at the same moment, without the lease (as if
 * it had run out mid-run): members meet at their row locks and unique keys, and nothing is
 * expired, reminded, dropped or granted twice.
 */
class TwoInstanceJobsTest extends JobsTestBase {

    private static final int MEMBERS = 24;

    private CoreInstance other;
    private ExecutorService threads;

    @BeforeEach
    void secondCoreServer() {
        other = CoreInstance.start("core-jobs-b", clock, Map.of());
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        other.close();
    }

    @Test
    void jobsRunningOnTwoInstancesAtOnceHaveEveryEffectExactlyOnce() throws Exception {
        useProgram(TestPrograms.standard().toBuilder()
                .setBirthdayGift(BirthdayGift.newBuilder().setPoints(88))
                .setReminders(Reminders.newBuilder().setPointsExpiringDays(7).setTierExpiringDays(7))
                .build());
        List<String> members = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String m = enrollBornOn("1992-03-" + (10 + i % 15));
            members.add(m);
            earn(m, 10);
            if (i % 3 == 0) {
                order(m, 300_000);
                gold.add(m);
            }
        }

        // five days before the points expire and Gold lapses: reminders and birthday gifts
        clock.set(Instant.parse("2027-03-05T02:00:00Z"));
        runOnBothAtOnce("points-expiring-reminder", "tier-expiring-reminder", "birthday-gift");
        // after both deadlines: expiry, retention, and the birthday job again
        clock.set(Instant.parse("2027-03-10T16:30:00Z"));
        runOnBothAtOnce("points-expiry", "tier-retention", "birthday-gift", "points-expiring-reminder");

        for (String m : members) {
            assertThat(events(m, "points.expiring"))
                    .as("points reminders of %s", m)
                    .hasSize(1);
            assertThat(ofType(m, TransactionType.EXPIRE))
                    .as("expiry lines of %s", m)
                    .hasSize(1);
            assertThat(ofType(m, TransactionType.EARN).stream()
                            .filter(t -> t.getReason().equals("生日礼 2027")))
                    .as("birthday gifts of %s", m)
                    .hasSize(1);
            assertThat(balance(m)).as("balance of %s", m).isEqualTo(88);
        }
        for (String m : gold) {
            assertThat(events(m, "tier.expiring")).as("tier reminders of %s", m).hasSize(1);
            assertThat(events(m, "tier.downgraded")).as("drops of %s", m).hasSize(1);
            assertThat(member(m).getTier().getCode()).isEqualTo("SILVER");
        }
    }

    /** Each job on both instances, released by one barrier so the runs really overlap. */
    private void runOnBothAtOnce(String... jobs) throws Exception {
        JobScheduler b = other.bean(JobScheduler.class);
        for (String job : jobs) {
            CyclicBarrier start = new CyclicBarrier(2);
            Instant now = clock.instant();
            CompletableFuture<JobRun> onA = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return scheduler.job(job).run(now, 10_000);
                    },
                    threads);
            CompletableFuture<JobRun> onB = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return b.job(job).run(now, 10_000);
                    },
                    threads);
            JobRun a = onA.get(60, TimeUnit.SECONDS);
            JobRun bb = onB.get(60, TimeUnit.SECONDS);
            assertThat(a.failed() + bb.failed()).as("failures of %s", job).isZero();
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
