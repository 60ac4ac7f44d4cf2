package com.tierpoint.core.events.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which sequence each committed, unsequenced outbox row gets in one sequencer batch.
 *
 * <p>Rows keep roughly the order of their ids across members (ids carry the time they were made),
 * but each member's rows take that member's slots in {@code (member_version, id)} order: ids are
 * made by several instances, so a member's later change can carry a smaller id than its earlier
 * one. The batch must hold every unsequenced row of each member in it, otherwise a later batch
 * could sequence a member's earlier change after a later one.
 */
public final class SequencePlan {

    /** An outbox row awaiting its sequence. */
    public record Pending(long id, long memberId, long memberVersion) {}

    /** The sequence given to an outbox row. */
    public record Assignment(long id, long seq) {}

    private static final Comparator<Pending> BY_ID = Comparator.comparingLong(Pending::id);
    private static final Comparator<Pending> MEMBER_ORDER =
            Comparator.comparingLong(Pending::memberVersion).thenComparingLong(Pending::id);

    private SequencePlan() {}

    /**
     * @param lastSeq the last sequence assigned so far; the batch continues from it without gaps
     * @return one assignment per row, in ascending sequence order
     */
    public static List<Assignment> assign(List<Pending> batch, long lastSeq) {
        List<Pending> slots = new ArrayList<>(batch);
        slots.sort(BY_ID);
        Map<Long, List<Pending>> byMember = new HashMap<>();
        for (Pending p : slots) {
            byMember.computeIfAbsent(p.memberId(), m -> new ArrayList<>()).add(p);
        }
        Map<Long, Deque<Pending>> queues = new HashMap<>();
        byMember.forEach((member, rows) -> {
            rows.sort(MEMBER_ORDER);
            queues.put(member, new ArrayDeque<>(rows));
        });
        List<Assignment> out = new ArrayList<>(slots.size());
        long seq = lastSeq;
        for (Pending slot : slots) {
            Pending next = queues.get(slot.memberId()).removeFirst();
            out.add(new Assignment(next.id(), ++seq));
        }
        return out;
    }
}
