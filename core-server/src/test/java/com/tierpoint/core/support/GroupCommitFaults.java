package com.tierpoint.core.support;

import com.tierpoint.core.shared.application.AfterCommit;
import com.tierpoint.core.shared.application.GroupCommit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Faults in the next group commit: it fails just before it commits, as a lost connection would;
 * or its after-commit work hangs, as a slow Redis would, until the test lets it go on.
 */
public final class GroupCommitFaults implements GroupCommit.Listener {

    private final AfterCommit afterCommit;
    private final AtomicInteger failSize = new AtomicInteger(-1);
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

    public GroupCommitFaults(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    public void failNextBatchOfSize(int size) {
        failSize.set(size);
    }

    /** The next batch's after-commit work waits (at most 30 s) until the returned latch is counted down. */
    public CountDownLatch holdAfterCommitOfNextBatch() {
        CountDownLatch release = new CountDownLatch(1);
        hold.set(release);
        return release;
    }

    @Override
    public void beforeCommit(int batchSize) {
        if (failSize.compareAndSet(batchSize, -1)) {
            throw new IllegalStateException("injected failure of a batch of " + batchSize);
        }
        CountDownLatch release = hold.getAndSet(null);
        if (release != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run(() -> {
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            });
        }
    }
}
