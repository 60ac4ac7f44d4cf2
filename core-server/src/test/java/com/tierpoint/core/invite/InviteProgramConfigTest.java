package com.tierpoint.core.invite;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.TestPrograms.inviteReward;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InviteRule;
import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class InviteProgramConfigTest extends CoreTestBase {

    @Test
    void theInviteRuleIsStoredAndReturnedAsSent() {
        Program saved = useProgram(TestPrograms.standard());

        assertThat(saved.getInvites()).isEqualTo(TestPrograms.invites());
        assertThat(programs().getProgram(GetProgramRequest.getDefaultInstance()).getInvites())
                .isEqualTo(TestPrograms.invites());
    }

    @Test
    void zeroLimitsTakeTheirDefaultsAndAProgramWithoutInvitesHasThemOff() {
        Program defaults = useProgram(TestPrograms.standard().toBuilder()
                .setInvites(InviteRule.newBuilder()
                        .setEnabled(true)
                        .addRewards(inviteReward(InviteBeneficiary.INVITEE, InviteStage.ENROLLED, 20, 0)))
                .build());

        assertThat(defaults.getInvites().getCodeValidDays()).isEqualTo(30);
        assertThat(defaults.getInvites().getAcceptWithinHours()).isEqualTo(24);
        assertThat(defaults.getInvites().getValidAt()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(defaults.getInvites().getDailyCap()).isZero();

        Program off =
                useProgram(TestPrograms.standard().toBuilder().clearInvites().build());
        assertThat(off.getInvites().getEnabled()).isFalse();
        assertThat(off.getInvites().getRewardsList()).isEmpty();
    }

    @Test
    void anInviteRuleThatMakesNoSenseIsRejectedNamingEveryFieldAndChangesNothing() {
        Program before = programs().getProgram(GetProgramRequest.getDefaultInstance());
        InviteRule bad = TestPrograms.invites().toBuilder()
                .setCodeValidDays(400)
                .setAcceptWithinHours(-1)
                .setDailyCap(20)
                .setMonthlyCap(10)
                .setMinOrderFen(-5)
                .addRewards(inviteReward(InviteBeneficiary.INVITER, InviteStage.ENROLLED, 5, 0))
                .addRewards(inviteReward(InviteBeneficiary.INVITE_BENEFICIARY_UNSPECIFIED, InviteStage.ENROLLED, 5, 0))
                .addRewards(inviteReward(InviteBeneficiary.INVITEE, InviteStage.INVITE_STAGE_UNSPECIFIED, -1, 0))
                .build();

        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setProgram(TestPrograms.standard().toBuilder().setInvites(bad))
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e))
                            .containsExactlyInAnyOrder(
                                    "program.invites.code_valid_days",
                                    "program.invites.accept_within_hours",
                                    "program.invites.daily_cap",
                                    "program.invites.min_order_fen",
                                    "program.invites.rewards",
                                    "program.invites.rewards[6].stage",
                                    "program.invites.rewards[7].beneficiary",
                                    "program.invites.rewards[8].stage",
                                    "program.invites.rewards[8].points");
                });
        assertThat(programs().getProgram(GetProgramRequest.getDefaultInstance()).getVersion())
                .isEqualTo(before.getVersion());
    }
}
