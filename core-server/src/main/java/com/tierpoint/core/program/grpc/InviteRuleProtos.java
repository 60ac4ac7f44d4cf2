package com.tierpoint.core.program.grpc;

import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InviteStage;

/** InviteRule <-> tierpoint.v1.InviteRule. Unspecified stages and beneficiaries become null. */
public final class InviteRuleProtos {

    private InviteRuleProtos() {}

    static InviteRule fromProto(com.tierpoint.proto.v1.InviteRule p) {
        return new InviteRule(
                p.getEnabled(),
                p.getRewardsList().stream()
                        .map(r -> new InviteRule.Reward(
                                beneficiary(r.getBeneficiary()), stage(r.getStage()), r.getPoints(), r.getGrowth()))
                        .toList(),
                p.getCodeValidDays(),
                p.getAcceptWithinHours(),
                p.getDailyCap(),
                p.getMonthlyCap(),
                p.getMinOrderFen(),
                stage(p.getValidAt()));
    }

    static com.tierpoint.proto.v1.InviteRule toProto(InviteRule r) {
        com.tierpoint.proto.v1.InviteRule.Builder b = com.tierpoint.proto.v1.InviteRule.newBuilder()
                .setEnabled(r.enabled())
                .setCodeValidDays(r.codeValidDays())
                .setAcceptWithinHours(r.acceptWithinHours())
                .setDailyCap(r.dailyCap())
                .setMonthlyCap(r.monthlyCap())
                .setMinOrderFen(r.minOrderFen())
                .setValidAt(toProto(r.validAt()));
        for (InviteRule.Reward x : r.rewards()) {
            b.addRewards(com.tierpoint.proto.v1.InviteReward.newBuilder()
                    .setBeneficiary(toProto(x.beneficiary()))
                    .setStage(toProto(x.stage()))
                    .setPoints(x.points())
                    .setGrowth(x.growth()));
        }
        return b.build();
    }

    public static InviteStage toProto(InviteRule.Stage s) {
        return switch (s) {
            case ENROLLED -> InviteStage.ENROLLED;
            case FIRST_ORDER_PAID -> InviteStage.FIRST_ORDER_PAID;
            case FIRST_ORDER_COMPLETED -> InviteStage.FIRST_ORDER_COMPLETED;
        };
    }

    public static InviteBeneficiary toProto(InviteRule.Beneficiary b) {
        return b == InviteRule.Beneficiary.INVITER ? InviteBeneficiary.INVITER : InviteBeneficiary.INVITEE;
    }

    static InviteRule.Stage stage(InviteStage s) {
        return switch (s) {
            case ENROLLED -> InviteRule.Stage.ENROLLED;
            case FIRST_ORDER_PAID -> InviteRule.Stage.FIRST_ORDER_PAID;
            case FIRST_ORDER_COMPLETED -> InviteRule.Stage.FIRST_ORDER_COMPLETED;
            default -> null;
        };
    }

    static InviteRule.Beneficiary beneficiary(InviteBeneficiary b) {
        return switch (b) {
            case INVITER -> InviteRule.Beneficiary.INVITER;
            case INVITEE -> InviteRule.Beneficiary.INVITEE;
            default -> null;
        };
    }
}
