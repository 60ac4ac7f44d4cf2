package com.tierpoint.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.cache.MemberViewCache;
import com.tierpoint.core.support.Await;
import com.tierpoint.core.support.CoreInstance;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.ProgramServiceGrpc;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GetMember through the real service on an instance that holds the program in memory, as a
 * deployed core does: answered without a worker when the near-cache holds the member's view, and
 * never with an answer older than this instance's own writes, or built under an older program.
 */
class GetMemberFromMemoryTest extends CoreTestBase {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static CoreInstance core;

    @BeforeEach
    void anInstanceHoldingTheProgram() {
        if (core == null) {
            core = CoreInstance.start("member-from-memory", clock, Map.of("tierpoint.program.refresh", "10m"));
        }
        Await.until(core.bean(MemberViewCache.class)::nearCacheActive);
    }

    @AfterAll
    static void stop() {
        if (core != null) {
            core.close();
            core = null;
        }
    }

    @Test
    void aHeldMemberIsAnsweredWithoutAWorkerAndTheSameEachTime() {
        String m = newMember();
        earnThrough(core.channel(), m, 40);

        Member first = answeredFromMemory(m);
        long tasks = workerTasks();
        Member again = get(m);

        assertThat(workerTasks()).as("no worker took part").isEqualTo(tasks);
        assertThat(again).isEqualTo(first);
        assertThat(again.getPointsAvailable()).isEqualTo(40);
    }

    @Test
    void anAnswerFromMemoryFollowsAWriteThroughThisInstance() {
        String m = newMember();
        earnThrough(core.channel(), m, 40);
        Member before = answeredFromMemory(m);

        earnThrough(core.channel(), m, 2);

        assertThat(get(m).getPointsAvailable()).isEqualTo(42);
        Member after = answeredFromMemory(m);
        assertThat(after.getPointsAvailable()).isEqualTo(42);
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    }

    @Test
    void anAnswerFromMemoryFollowsAProgramChangeThroughThisInstance() {
        String m = newMember();
        earnThrough(core.channel(), m, 1);
        Member before = answeredFromMemory(m);
        Program program = programsHere().getProgram(GetProgramRequest.getDefaultInstance());
        int entry = indexOfTier(program, before.getTier().getCode());
        try {
            programsHere()
                    .updateProgram(update(program.toBuilder()
                            .setTiers(entry, program.getTiers(entry).toBuilder().setName("新会员"))
                            .build()));

            assertThat(get(m).getTier().getName()).isEqualTo("新会员");
            assertThat(answeredFromMemory(m).getTier().getName()).isEqualTo("新会员");
        } finally {
            programsHere().updateProgram(update(program));
        }
    }

    private static int indexOfTier(Program program, String code) {
        for (int i = 0; i < program.getTiersCount(); i++) {
            if (program.getTiers(i).getCode().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no tier " + code);
    }

    private static UpdateProgramRequest update(Program program) {
        return UpdateProgramRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString())
                .setProgram(program)
                .build();
    }

    /** Reads until a read is answered without any worker (the first ones fill the near-cache). */
    private static Member answeredFromMemory(String m) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            long tasks = workerTasks();
            Member served = get(m);
            if (workerTasks() == tasks) {
                return served;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("member " + m + " never answered from memory");
            }
        }
    }

    /** Tasks the instance's workers were ever given; a call answered inline gives them none. */
    private static long workerTasks() {
        return ((ThreadPoolExecutor) core.bean(GrpcWorkers.class).executor()).getTaskCount();
    }

    private static Member get(String m) {
        return MemberServiceGrpc.newBlockingStub(core.channel())
                .withCallCredentials(key(ADMIN_KEY))
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(m))
                        .build());
    }

    private static ProgramServiceGrpc.ProgramServiceBlockingStub programsHere() {
        return ProgramServiceGrpc.newBlockingStub(core.channel()).withCallCredentials(key(ADMIN_KEY));
    }
}
