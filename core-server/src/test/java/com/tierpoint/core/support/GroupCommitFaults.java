package com.tierpoint.core.support;

import com.tierpoint.core.shared.application.GroupCommit;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes the next group commit of a given size fail just before it commits, as a lost connection would. */
public final class GroupCommitFaults implements GroupCommit.Listener {

    private final AtomicInteger failSize = new AtomicInteger(-1);

    public void failNextBatchOfSize(int size) {
        failSize.set(size);
    }

    @Override
    public void beforeCommit(int batchSize) {
        if (failSize.compareAndSet(batchSize, -1)) {
            throw new IllegalStateException("injected failure of a batch of " + batchSize);
        }
    }
}
