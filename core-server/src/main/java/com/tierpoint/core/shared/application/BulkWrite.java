package com.tierpoint.core.shared.application;

import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.model.DomainException;
import java.util.List;

/**
 * Writes many single-member requests of one kind at once, inside a group commit's transaction
 * (ADR 0012): a few multi-row statements for the whole group instead of a few statements each.
 * {@link IdempotentExecutor#executeBulk} claims, stores and replays the idempotency keys around it.
 *
 * @param <C> a validated command
 * @param <T> its result
 */
@FunctionalInterface
public interface BulkWrite<C, T> {

    /**
     * Locks the commands' members and writes them, in order: it reads what it needs, and adds its
     * writes to {@code writes}, which the caller sends (with the idempotency records) once this
     * has returned (ADR 0018). Returns one answer per command: its result, or the refusal of a
     * command that writes nothing. Throws {@link NotTogether} when the group cannot be written this
     * way (nothing of it stays; each command then runs on its own).
     */
    List<Answer<T>> writeAll(List<C> commands, RoundTrip writes);

    /** A command's result, or the reason it was refused. */
    record Answer<T>(T result, DomainException refusal) {

        public static <T> Answer<T> of(T result) {
            return new Answer<>(result, null);
        }

        public static <T> Answer<T> refused(DomainException refusal) {
            return new Answer<>(null, refusal);
        }
    }

    /** This group needs the one-by-one path (for instance, a lot falls due and must expire first). */
    final class NotTogether extends RuntimeException {
        public NotTogether(String why) {
            super(why, null, false, false);
        }
    }
}
