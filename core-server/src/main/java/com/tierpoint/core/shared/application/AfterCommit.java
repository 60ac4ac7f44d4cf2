package com.tierpoint.core.shared.application;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Work a transaction leaves for after its commit that its callers must see done before they are
 * answered: replacing the members' cached views, writing the leaderboard's Redis mirror. A
 * transaction's after-commit hook hands it here. On most threads it runs at once, on the
 * committing thread. A group-commit writer instead collects it with its batch and has it run,
 * and the batch answered, on another thread, while it goes on to its next batch (ADR 0023).
 */
@Component
public class AfterCommit {

    private final ThreadLocal<List<Runnable>> collecting = new ThreadLocal<>();

    /** Runs the work now, or adds it to the batch this thread is writing. */
    public void run(Runnable work) {
        List<Runnable> batch = collecting.get();
        if (batch == null) {
            work.run();
        } else {
            batch.add(work);
        }
    }

    /** Until {@link #stopCollecting()}, work handed over on this thread goes into {@code into}. */
    void collectInto(List<Runnable> into) {
        collecting.set(into);
    }

    void stopCollecting() {
        collecting.remove();
    }
}
