package com.tierpoint.core.member.grpc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tierpoint.core.member.application.MemberView;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.proto.v1.Member;

/**
 * The {@code Member} message last built for each member answered from memory, given again while
 * it was built from the very view and program objects the call holds. A view held in memory is
 * never changed, only replaced (a new object), and so is the program: comparing identities is
 * enough to know the message still says exactly what building it again would say. The message
 * also keeps its computed size, so writing it again skips that pass too.
 */
final class HeldAnswers {

    private record Built(MemberView view, Program program, Member member) {}

    private final Cache<Long, Built> built;

    HeldAnswers(int maxMembers) {
        this.built = Caffeine.newBuilder().maximumSize(maxMembers).build();
    }

    Member of(MemberView view, Program program) {
        Built b = built.getIfPresent(view.memberId());
        if (b != null && b.view == view && b.program == program) {
            return b.member;
        }
        Member member = MemberGrpcService.toProto(view, program);
        built.put(view.memberId(), new Built(view, program, member));
        return member;
    }
}
