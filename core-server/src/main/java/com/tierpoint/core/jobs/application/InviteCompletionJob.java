package com.tierpoint.core.jobs.application;

import com.tierpoint.core.invite.application.AdvancingInvitations;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Moves invitations to FIRST_ORDER_COMPLETED (and grants that stage's rewards) once a
 * qualifying order that completed early has left its refund window.
 */
@Component
class InviteCompletionJob implements ScheduledJob {

    static final String NAME = "invite-completion";

    private final AdvancingInvitations invitations;

    InviteCompletionJob(AdvancingInvitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration defaultInterval() {
        return Duration.ofMinutes(5);
    }

    @Override
    public JobRun run(Instant now, int budget) {
        int completed = invitations.completeDue(now, budget);
        return new JobRun(completed, 0, completed < budget);
    }
}
