package com.tierpoint.core.program.application;

import com.tierpoint.core.program.infrastructure.ProgramMapper;
import com.tierpoint.core.program.infrastructure.ProgramRow;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.infrastructure.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The program in force, read from the database and kept in memory for a short time: an update
 * made through another core instance takes effect here within {@code tierpoint.program.refresh}
 * (1s by default); an update made here takes effect at once.
 */
@Component
public class ProgramStore {

    private final ProgramMapper mapper;
    private final long refreshNanos;
    private volatile Cached cached;
    private final AtomicBoolean reloading = new AtomicBoolean();

    ProgramStore(ProgramMapper mapper, @Value("${tierpoint.program.refresh:1s}") Duration refresh) {
        this.mapper = mapper;
        this.refreshNanos = refresh.toNanos();
    }

    /**
     * The program in force; {@link ProgramNotConfigured} when none was ever stored. When the one held
     * is due for a refresh, one caller checks its version in the database (and reads it again only
     * if it changed) while the others go on with the one held for those few milliseconds.
     */
    public Program current() {
        Cached c = cached;
        long now = System.nanoTime();
        if (fresh(c, now)) {
            return c.program;
        }
        if (c == null || refreshNanos == 0) {
            return reload(c, now);
        }
        if (!reloading.compareAndSet(false, true)) {
            return c.program;
        }
        try {
            return reload(c, now);
        } finally {
            reloading.set(false);
        }
    }

    /**
     * The program held in memory, if it needs no reload yet: what {@link #current} would answer
     * without touching the database. Empty when it would reload (or caching is off).
     */
    public Optional<Program> currentIfHeld() {
        Cached c = cached;
        return fresh(c, System.nanoTime()) ? Optional.of(c.program) : Optional.empty();
    }

    /** Held and not yet due for a refresh (never, with caching off). */
    private boolean fresh(Cached c, long now) {
        return c != null && now - c.loadedAt < refreshNanos;
    }

    private Program reload(Cached held, long now) {
        if (held != null) {
            Long version = mapper.currentVersion();
            if (version != null && version == held.program.version()) {
                cached = new Cached(held.program, now);
                return held.program;
            }
        }
        ProgramRow row = mapper.current();
        if (row == null) {
            throw new ProgramNotConfigured();
        }
        Program program = fromRow(row);
        cached = new Cached(program, now);
        return program;
    }

    /** Reads the program under a row lock, for the transaction that replaces it. */
    Program lockForUpdate() {
        ProgramRow row = mapper.lockCurrent();
        return row == null ? null : fromRow(row);
    }

    void forget() {
        cached = null;
    }

    static Program fromRow(ProgramRow row) {
        return Json.read(row.definition, Program.class).withVersion(row.version);
    }

    private record Cached(Program program, long loadedAt) {}
}
