package com.tierpoint.core.jobs.application;

import com.tierpoint.core.jobs.infrastructure.JobQueries;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Claims a reminder exactly once per member, kind and subject. */
@Component
class ReminderLog {

    private final JobQueries queries;

    ReminderLog(JobQueries queries) {
        this.queries = queries;
    }

    /**
     * Inside the member's transaction: true when this reminder is new (and now claimed), false when
     * one was written before. Under the member lock the check cannot race; the key is the backstop.
     */
    boolean claim(long memberId, String kind, String subject, long now) {
        if (queries.reminderWritten(memberId, kind, subject) > 0) {
            return false;
        }
        try {
            return queries.claimReminder(memberId, kind, subject, now) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
