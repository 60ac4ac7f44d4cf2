package com.tierpoint.core.program.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.events.Outbox;
import com.tierpoint.core.program.infrastructure.ProgramMapper;
import com.tierpoint.core.program.infrastructure.ProgramRow;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.ProgramPolicy;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.infrastructure.Json;
import com.tierpoint.core.shared.model.FieldViolation;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.StaleVersion;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Replaces the program as a whole, after checking that it makes sense. */
@Service
public class UpdatingProgram {

    public record Command(Program program, long expectedVersion) {}

    private final ProgramMapper mapper;
    private final ProgramStore store;
    private final IdempotentExecutor idempotent;
    private final Outbox outbox;
    private final Clock clock;

    UpdatingProgram(
            ProgramMapper mapper, ProgramStore store, IdempotentExecutor idempotent, Outbox outbox, Clock clock) {
        this.mapper = mapper;
        this.store = store;
        this.idempotent = idempotent;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param tiersAsSent the tiers in the order the client sent them, so violations name the
     *     client's indexes ({@link Program} keeps them sorted by rank)
     */
    public Program update(RequestKey key, Command command, List<TierDefinition> tiersAsSent) {
        Program p = command.program();
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        v.addAll(ProgramPolicy.check(p, tiersAsSent));
        v.require(command.expectedVersion() >= 0, "expected_version", "must not be negative");
        v.throwIfInvalid();
        Program saved = idempotent.execute(key, "UpdateProgram", command, Program.class, () -> save(command));
        store.forget(); // cached member views carry the program version they were built with
        return saved;
    }

    /** Stores a program at start-up when none exists yet (the demo program of the quickstart). */
    public boolean installIfAbsent(Program program) {
        List<FieldViolation> violations = ProgramPolicy.check(program);
        if (!violations.isEmpty()) {
            throw new InvalidArgument(violations);
        }
        if (mapper.current() != null) {
            return false;
        }
        ProgramRow row = new ProgramRow();
        row.id = ProgramMapper.ROW_ID;
        row.version = 1L;
        row.definition = Json.write(program.withVersion(1));
        row.updatedAt = clock.millis();
        try {
            mapper.insert(row);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another instance installed it first
        }
    }

    private Program save(Command command) {
        Instant now = clock.instant();
        Program current = store.lockForUpdate();
        long currentVersion = current == null ? 0 : current.version();
        if (command.expectedVersion() != 0 && command.expectedVersion() != currentVersion) {
            throw new StaleVersion("program is at version " + currentVersion + ", not " + command.expectedVersion());
        }
        Program next = command.program().withVersion(currentVersion + 1);
        String json = Json.write(next);
        if (current == null) {
            ProgramRow row = new ProgramRow();
            row.id = ProgramMapper.ROW_ID;
            row.version = next.version();
            row.definition = json;
            row.updatedAt = now.toEpochMilli();
            try {
                mapper.insert(row);
            } catch (DuplicateKeyException e) {
                // the first program, stored meanwhile by another update or an instance starting up
                throw new StaleVersion("program changed concurrently; retry");
            }
        } else if (mapper.replace(next.version(), json, now.toEpochMilli()) != 1) {
            throw new StaleVersion("program changed concurrently; retry");
        }
        outbox.append(0L, next.version(), EventType.PROGRAM_UPDATED, now, Map.of("version", next.version()));
        return next;
    }
}
