package com.tierpoint.core.jobs.application;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks candidate members in id order and applies a task to each in a transaction of its own,
 * so an interrupted run leaves every member either fully done or untouched. A failing member is
 * logged and left for the next run; it does not stop the others.
 */
@Component
public class MemberSweep {

    private static final Logger log = LoggerFactory.getLogger(MemberSweep.class);
    private static final int PAGE = 200;

    /** The next page of candidate member ids after {@code afterMember}. */
    @FunctionalInterface
    public interface Candidates {
        List<Long> after(long afterMember, int limit);
    }

    /** Work on one member, inside its transaction; true when it changed something. */
    @FunctionalInterface
    public interface MemberTask {
        boolean apply(long memberId);
    }

    private final TransactionTemplate tx;

    MemberSweep(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
    }

    public JobRun sweep(String job, Candidates candidates, MemberTask task, int budget) {
        int processed = 0;
        int failed = 0;
        int seen = 0;
        long after = 0;
        while (true) {
            int limit = Math.min(PAGE, budget - seen);
            if (limit <= 0) {
                return new JobRun(processed, failed, false);
            }
            List<Long> page = candidates.after(after, limit);
            for (long memberId : page) {
                seen++;
                after = memberId;
                try {
                    if (Boolean.TRUE.equals(tx.execute(s -> task.apply(memberId)))) {
                        processed++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("job {}: member {} failed, left for the next run: {}", job, memberId, e.toString());
                }
            }
            if (page.size() < limit) {
                return new JobRun(processed, failed, failed == 0);
            }
        }
    }
}
