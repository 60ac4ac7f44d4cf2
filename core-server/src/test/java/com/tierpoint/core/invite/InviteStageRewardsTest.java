package com.tierpoint.core.invite;

import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.InvitedFriend;
import com.tierpoint.proto.v1.ListInvitesRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.RewardStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test program rewards ENROLLED with 10 points (inviter) and 20 (invitee), FIRST_ORDER_PAID
 * with 100 points and 50 growth (inviter) and 30 points (invitee), FIRST_ORDER_COMPLETED with 200
 * growth (inviter) and 5 points (invitee); first orders from ¥50.
 */
class InviteStageRewardsTest extends InviteScenario {

    @Test
    void enrollingWithACodeRewardsBothSidesAtOnceAndEmitsTheEventsOnBoth() {
        String inviter = enroll("小美", null, null).getMember().getMemberId();
        String code = createInvite(inviter).getCode();

        EnrollMemberResponse r = enroll("小帅", null, code);

        String invitee = r.getMember().getMemberId();
        assertThat(r.getCreated()).isTrue();
        assertThat(r.getInvitationId()).isNotEmpty();
        assertThat(r.getInviteRejectionReason()).isEmpty();
        assertThat(r.getMember().getPointsAvailable()).isEqualTo(20);
        assertThat(balance(inviter).getAvailable()).isEqualTo(10);
        assertThat(member(inviter).getValidInvites())
                .as("valid only from the first order")
                .isZero();
        assertThat(events(invitee))
                .containsExactly("member.enrolled", "invite.accepted", "points.earned", "invite.rewarded");
        assertThat(events(inviter))
                .containsExactly(
                        "member.enrolled", "invite.created", "invite.accepted", "points.earned", "invite.rewarded");
        assertThat(eventRows(inviter, "invite.rewarded").get(0).payload)
                .contains("\"stage\":\"ENROLLED\"", "\"beneficiary\":\"INVITER\"", "\"points\":10")
                .contains("\"invitation_id\":\"" + r.getInvitationId() + "\"");
        assertThat(lastLine(inviter).getReason()).isEqualTo("邀请好友注册奖励");
        assertThat(lastLine(invitee).getReason()).isEqualTo("受邀注册奖励");
        assertThat(lastLine(invitee).getSource()).isEqualTo("invite");
        assertLedgerConsistent(db, inviter);
        assertLedgerConsistent(db, invitee);
    }

    @Test
    void acceptingAfterEnrollingRewardsTheSameWay() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String invitee = newMember();
        clock.advance(Duration.ofHours(23));

        var invitation = accept(code, invitee);

        assertThat(invitation.getStage()).isEqualTo(InviteStage.ENROLLED);
        assertThat(invitation.getInviterMemberId()).isEqualTo(inviter);
        assertThat(invitation.getInviteeMemberId()).isEqualTo(invitee);
        assertThat(invitation.getRewardsList())
                .extracting(x -> x.getBeneficiary(), x -> x.getStage(), x -> x.getPoints(), x -> x.getStatus())
                .containsExactlyInAnyOrder(
                        tuple(InviteBeneficiary.INVITER, InviteStage.ENROLLED, 10L, RewardStatus.REWARD_GRANTED),
                        tuple(InviteBeneficiary.INVITEE, InviteStage.ENROLLED, 20L, RewardStatus.REWARD_GRANTED));
        assertThat(balance(invitee).getAvailable()).isEqualTo(20);
        assertThat(balance(inviter).getAvailable()).isEqualTo(10);
    }

    @Test
    void theFirstQualifyingOrderRewardsBothSidesPendingUntilTheOrdersRefundWindowEnds() {
        useRefundWindowDays(7);
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        clock.advance(Duration.ofHours(1));

        RecordOrderResponse order = order(invitee, orderId(), 10_000, OrderStatus.PAID);

        assertThat(balance(invitee).getPending()).as("order 100 + invite 30").isEqualTo(130);
        assertThat(balance(invitee).getAvailable()).isEqualTo(20);
        assertThat(balance(inviter).getPending()).isEqualTo(100);
        assertThat(balance(inviter).getAvailable()).isEqualTo(10);
        assertThat(member(inviter).getGrowthValue()).isEqualTo(50);
        assertThat(member(inviter).getValidInvites()).isEqualTo(1);
        PointsTransaction inviterLine = lastLine(inviter);
        assertThat(inviterLine.getReason()).isEqualTo("邀请好友首单奖励");
        assertThat(inviterLine.getAvailableAt()).isEqualTo(order.getPointsAvailableAt());
        assertThat(lastLine(invitee).getAvailableAt()).isEqualTo(order.getPointsAvailableAt());
        InvitedFriend friend = friendOf(inviter);
        assertThat(friend.getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(friend.getValid()).isTrue();
        assertThat(friend.getRewardsList())
                .filteredOn(x -> x.getStage() == InviteStage.FIRST_ORDER_PAID)
                .extracting(x -> x.getBeneficiary(), x -> x.getStatus())
                .containsExactlyInAnyOrder(
                        tuple(InviteBeneficiary.INVITER, RewardStatus.REWARD_PENDING),
                        tuple(InviteBeneficiary.INVITEE, RewardStatus.REWARD_PENDING));

        clock.advance(Duration.ofDays(7));
        assertThat(balance(inviter).getAvailable()).isEqualTo(110);
        assertThat(balance(invitee).getAvailable()).isEqualTo(150);
        assertThat(friendOf(inviter).getRewardsList())
                .extracting(x -> x.getStatus())
                .containsOnly(RewardStatus.REWARD_GRANTED);
        assertLedgerConsistent(db, inviter);
        assertLedgerConsistent(db, invitee);
    }

    @Test
    void anOrderBelowTheMinimumOrPaidBeforeAcceptingDoesNotQualifyButALaterOneDoes() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String invitee = newMember();
        String early = orderId();
        order(invitee, early, 20_000, OrderStatus.PAID);
        clock.advance(Duration.ofHours(1));
        accept(code, invitee);
        clock.advance(Duration.ofHours(1));

        order(invitee, early, 20_000, OrderStatus.COMPLETED);
        order(invitee, orderId(), 4_999, OrderStatus.PAID);
        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.ENROLLED);
        assertThat(balance(inviter).getAvailable()).isEqualTo(10);

        order(invitee, orderId(), 5_000, OrderStatus.PAID);
        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(balance(inviter).getAvailable()).isEqualTo(110);

        order(invitee, orderId(), 50_000, OrderStatus.PAID);
        assertThat(balance(inviter).getAvailable())
                .as("only the first qualifying order counts")
                .isEqualTo(110);
        assertThat(member(inviter).getValidInvites()).isEqualTo(1);
    }

    @Test
    void aCompletedOrderWhoseRefundWindowHasPassedReachesTheLastStageAtOnce() {
        useRefundWindowDays(7);
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);
        clock.advance(Duration.ofDays(8));

        order(invitee, first, 10_000, OrderStatus.COMPLETED);

        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_COMPLETED);
        assertThat(member(inviter).getGrowthValue()).isEqualTo(50 + 200);
        assertThat(balance(invitee).getAvailable()).as("20 + 100 + 30 + 5").isEqualTo(155);
        assertThat(lastLine(invitee).getReason()).isEqualTo("受邀首单完成奖励");
        assertThat(eventRows(inviter, "invite.rewarded"))
                .extracting(x -> x.payload.contains("FIRST_ORDER_COMPLETED"))
                .containsExactly(false, false, true);
    }

    @Test
    void aFirstOrderReportedCompletedWithoutARefundWindowReachesBothOrderStagesInOneCall() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);

        order(invitee, orderId(), 8_000, OrderStatus.COMPLETED);

        InvitedFriend friend = friendOf(inviter);
        assertThat(friend.getStage()).isEqualTo(InviteStage.FIRST_ORDER_COMPLETED);
        assertThat(friend.getRewardsList()).hasSize(6);
        assertThat(balance(inviter).getAvailable()).isEqualTo(110);
        assertThat(member(inviter).getGrowthValue()).isEqualTo(250);
        assertThat(balance(invitee).getAvailable()).as("20 + 80 + 30 + 5").isEqualTo(135);
    }

    @Test
    void ordersOfAMemberWithoutAnInvitationChangeNoOneElse() {
        String loner = newMember();

        order(loner, orderId(), 10_000, OrderStatus.PAID);

        assertThat(events(loner)).doesNotContain("invite.rewarded");
        assertThat(balance(loner).getAvailable()).isEqualTo(100);
    }

    private PointsTransaction lastLine(String memberId) {
        return points().listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(memberId)
                        .setPageSize(1)
                        .build())
                .getTransactions(0);
    }

    static InvitedFriend friendOf(String inviter) {
        List<InvitedFriend> friends = invites()
                .listInvites(
                        ListInvitesRequest.newBuilder().setMemberId(inviter).build())
                .getInvitesList();
        assertThat(friends).hasSize(1);
        return friends.get(0);
    }
}
