package com.tierpoint.core.operator.model;

import java.util.Map;
import java.util.Optional;

/** The rules of what operators may do, each returning the rejection it makes (empty = allowed). */
public final class OperatorPolicy {

    private OperatorPolicy() {}

    /** The actor must exist and be active. */
    public static Optional<Rejection> actorMustBeActive(String userId, Operator actor) {
        if (actor == null) {
            return Optional.of(Rejection.denied("OPERATOR_UNKNOWN", "operator " + userId + " is not registered"));
        }
        if (!actor.active()) {
            return Optional.of(Rejection.denied("OPERATOR_INACTIVE", "operator " + userId + " is deactivated"));
        }
        return Optional.empty();
    }

    /** Granting or deducting points needs the OPERATOR or ADMIN role. */
    public static Optional<Rejection> mayAdjustPoints(String userId, Operator actor) {
        return actorMustBeActive(userId, actor)
                .or(() -> actor.role().mayAdjustPoints()
                        ? Optional.empty()
                        : Optional.of(Rejection.denied(
                                "OPERATOR_READ_ONLY", "operator " + userId + " is a viewer and cannot change points")));
    }

    /** Managing operators needs the ADMIN role. */
    public static Optional<Rejection> mayManageOperators(String userId, Operator actor) {
        return actorMustBeActive(userId, actor)
                .or(() -> actor.role().mayManageOperators()
                        ? Optional.empty()
                        : Optional.of(Rejection.denied(
                                "OPERATOR_NOT_ADMIN",
                                "operator " + userId + " is not an admin and cannot manage operators")));
    }

    /**
     * |amount| must fit in what remains of the day's cap.
     *
     * @param used points already moved today by the operator
     */
    public static Optional<Rejection> withinDailyCap(long cap, long used, long amount) {
        long requested = Math.abs(amount);
        long remaining = remaining(cap, used);
        if (requested <= remaining) {
            return Optional.empty();
        }
        return Optional.of(Rejection.precondition(
                "OPERATOR_DAILY_CAP",
                "over today's grant cap: " + requested + " points requested, " + remaining + " of " + cap
                        + " points remain today",
                Map.of(
                        "cap", String.valueOf(cap),
                        "used", String.valueOf(used),
                        "remaining", String.valueOf(remaining),
                        "requested", String.valueOf(requested))));
    }

    public static long remaining(long cap, long used) {
        return Math.max(0, cap - used);
    }

    /**
     * The program keeps at least one active admin: the last one cannot be demoted or deactivated.
     *
     * @param activeAdmins active admins now, the target included when it is one
     */
    public static Optional<Rejection> keepsAnActiveAdmin(
            Operator target, OperatorRole newRole, boolean newActive, int activeAdmins) {
        boolean losesAdmin = target != null && target.isActiveAdmin() && (newRole != OperatorRole.ADMIN || !newActive);
        if (losesAdmin && activeAdmins <= 1) {
            return Optional.of(Rejection.precondition(
                    "LAST_ADMIN",
                    "operator " + target.userId() + " is the last active admin and must stay one",
                    Map.of()));
        }
        return Optional.empty();
    }
}
