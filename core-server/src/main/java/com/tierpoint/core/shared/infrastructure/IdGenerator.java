package com.tierpoint.core.shared.infrastructure;

import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Snowflake-style 64-bit ids made by the application (never AUTO_INCREMENT), so tables can be
 * sharded by member later: 41 bits of milliseconds since 2024-01-01, 10 bits of node id, 12 bits
 * of sequence. Ids from one node strictly increase. Runs on the wall clock on purpose: ids
 * order rows, they carry no business time (that comes from the injected Clock).
 */
@Component
public class IdGenerator {

    private static final long EPOCH_MS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    private static final int NODE_BITS = 10;
    private static final int SEQ_BITS = 12;
    private static final long MAX_NODE = (1L << NODE_BITS) - 1;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private final long node;
    private final LongSupplier wallClockMillis;
    private long lastMs = -1;
    private long sequence;

    @Autowired
    public IdGenerator(@Value("${tierpoint.node-id:0}") long node) {
        this(node, System::currentTimeMillis);
    }

    /**
     * @param wallClockMillis this machine's wall clock; machines' clocks differ, so ids of two
     *     instances say nothing about which row was made first
     */
    public IdGenerator(long node, LongSupplier wallClockMillis) {
        if (node < 0 || node > MAX_NODE) {
            throw new IllegalArgumentException("tierpoint.node-id must be between 0 and " + MAX_NODE);
        }
        this.node = node;
        this.wallClockMillis = wallClockMillis;
    }

    public synchronized long nextId() {
        long now = wallClockMillis.getAsLong() - EPOCH_MS;
        if (now > lastMs) {
            lastMs = now;
            sequence = 0;
        } else {
            sequence = (sequence + 1) & SEQ_MASK;
            if (sequence == 0) {
                lastMs++; // sequence exhausted in this millisecond (or clock stepped back): borrow the next
            }
        }
        return (lastMs << (NODE_BITS + SEQ_BITS)) | (node << SEQ_BITS) | sequence;
    }
}
