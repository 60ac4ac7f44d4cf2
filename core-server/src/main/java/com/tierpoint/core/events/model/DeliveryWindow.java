package com.tierpoint.core.events.model;

import java.util.ArrayDeque;

/**
 * The events one stream has delivered that its consumer has not acknowledged yet. Delivery
 * pauses while {@code size} of them are outstanding and resumes as acknowledgements come in.
 * Counting events rather than sequence numbers keeps a filtered stream, whose sequences have
 * gaps, from stalling on events it never sends.
 */
public final class DeliveryWindow {

    private final int size;
    private final ArrayDeque<Long> unacked = new ArrayDeque<>();

    public DeliveryWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a delivery window holds at least one event");
        }
        this.size = size;
    }

    public void sent(long seq) {
        unacked.addLast(seq);
    }

    /** Every event up to and including {@code seq} is processed. */
    public void ackedUpTo(long seq) {
        while (!unacked.isEmpty() && unacked.peekFirst() <= seq) {
            unacked.removeFirst();
        }
    }

    /** How many more events may be sent before the next acknowledgement. */
    public int room() {
        return Math.max(0, size - unacked.size());
    }

    public boolean full() {
        return room() == 0;
    }

    public int outstanding() {
        return unacked.size();
    }
}
