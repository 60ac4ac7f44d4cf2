package com.tierpoint.core.invite;

import static com.tierpoint.core.support.TestPrograms.cond;
import static com.tierpoint.core.support.TestPrograms.rule;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.InviteRule;
import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.Metric;
import com.tierpoint.proto.v1.MetricProgress;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.Program;
import org.junit.jupiter.api.Test;

/** SILVER here: growth >= 1000 OR 2 valid invites. */
class ValidInvitesTierUpgradeTest extends InviteScenario {

    private static void useSilverForTwoInvites(InviteRule invites) {
        Program standard = TestPrograms.standard();
        useProgram(standard.toBuilder()
                .setTiers(
                        1,
                        standard.getTiers(1).toBuilder()
                                .setUpgradeRule(rule(
                                        Combinator.ANY,
                                        cond(Metric.GROWTH_VALUE, 1_000, 0),
                                        cond(Metric.VALID_INVITES, 2, 0))))
                .setInvites(invites)
                .build());
    }

    @Test
    void theSecondInviteeWhosFirstOrderIsPaidUpgradesTheInviter() {
        useSilverForTwoInvites(TestPrograms.invites());
        String inviter = newMember();
        String first = newInviteeOf(inviter);
        String second = newInviteeOf(inviter);
        order(first, orderId(), 5_000, OrderStatus.PAID);
        assertThat(member(inviter).getValidInvites()).isEqualTo(1);
        assertThat(member(inviter).getTier().getCode()).isEqualTo("MEMBER");
        MetricProgress invites = members()
                .getTierProgress(GetTierProgressRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(inviter))
                        .build())
                .getNextTierRequirementsList()
                .stream()
                .filter(r -> r.getMetric() == Metric.VALID_INVITES)
                .findFirst()
                .orElseThrow();
        assertThat(invites.getCurrent()).isEqualTo(1);
        assertThat(invites.getRequired()).isEqualTo(2);

        order(second, orderId(), 5_000, OrderStatus.PAID);

        assertThat(member(inviter).getValidInvites()).isEqualTo(2);
        assertThat(member(inviter).getTier().getCode()).isEqualTo("SILVER");
        assertThat(eventRows(inviter, "tier.upgraded")).hasSize(1);
        assertThat(eventRows(inviter, "tier.upgraded").get(0).payload)
                .contains("\"from_tier\":\"MEMBER\"", "\"to_tier\":\"SILVER\"", "\"invitation_id\"");
    }

    @Test
    void aWithheldFirstOrderUncountsTheInviteButNeverDowngrades() {
        useSilverForTwoInvites(TestPrograms.invites());
        String inviter = newMember();
        String first = newInviteeOf(inviter);
        String second = newInviteeOf(inviter);
        String refunded = orderId();
        order(first, refunded, 5_000, OrderStatus.PAID);
        order(second, orderId(), 5_000, OrderStatus.PAID);
        assertThat(member(inviter).getTier().getCode()).isEqualTo("SILVER");

        order(first, refunded, 5_000, 5_000, OrderStatus.REFUNDED, null);

        assertThat(member(inviter).getValidInvites()).isEqualTo(1);
        assertThat(member(inviter).getTier().getCode()).isEqualTo("SILVER");
    }

    @Test
    void withValidAtEnrolledTheAcceptItselfCountsAndUpgrades() {
        useSilverForTwoInvites(TestPrograms.invites().toBuilder()
                .setValidAt(InviteStage.ENROLLED)
                .build());
        String inviter = newMember();
        newInviteeOf(inviter);

        newInviteeOf(inviter);

        assertThat(member(inviter).getValidInvites()).isEqualTo(2);
        assertThat(member(inviter).getTier().getCode()).isEqualTo("SILVER");
        assertThat(events(inviter)).containsSubsequence("invite.accepted", "invite.rewarded", "tier.upgraded");
    }
}
