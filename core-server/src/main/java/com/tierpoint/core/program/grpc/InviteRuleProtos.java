package com.tierpoint.core.program.grpc;

import com.tierpoint.core.program.model.InviteRule;

/** InviteRule <-> tierpoint.v1.InviteRule. */
final class InviteRuleProtos {

    private InviteRuleProtos() {}

    static InviteRule fromProto(com.tierpoint.proto.v1.InviteRule p) {
        return InviteRule.none();
    }

    static com.tierpoint.proto.v1.InviteRule toProto(InviteRule r) {
        return com.tierpoint.proto.v1.InviteRule.getDefaultInstance();
    }
}
