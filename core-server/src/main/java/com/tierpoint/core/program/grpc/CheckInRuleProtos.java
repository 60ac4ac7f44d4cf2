package com.tierpoint.core.program.grpc;

import com.tierpoint.core.program.model.CheckInRule;

/** CheckInRule <-> tierpoint.v1.CheckInRule. */
final class CheckInRuleProtos {

    private CheckInRuleProtos() {}

    static CheckInRule fromProto(com.tierpoint.proto.v1.CheckInRule p) {
        return new CheckInRule(p.getCyclePointsList(), p.getGrowthPerCheckIn());
    }

    static com.tierpoint.proto.v1.CheckInRule toProto(CheckInRule r) {
        return com.tierpoint.proto.v1.CheckInRule.newBuilder()
                .addAllCyclePoints(r.cyclePoints())
                .setGrowthPerCheckIn(r.growthPerCheckIn())
                .build();
    }
}
