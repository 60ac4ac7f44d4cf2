package com.tierpoint.gateway.member;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.Program;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The program definition (tiers, benefits, rules), read from the core at most every 30 seconds. */
public final class ProgramCache {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final CoreClient core;
    private final Clock clock;
    private volatile Program program;
    private volatile Instant readAt = Instant.MIN;

    public ProgramCache(CoreClient core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    public Program get() {
        Instant now = clock.instant();
        if (program == null || readAt.plus(TTL).isBefore(now)) {
            program = core.program().getProgram(GetProgramRequest.getDefaultInstance());
            readAt = now;
        }
        return program;
    }
}
