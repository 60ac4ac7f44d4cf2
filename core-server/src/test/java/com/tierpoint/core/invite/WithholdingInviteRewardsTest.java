package com.tierpoint.core.invite;

import static com.tierpoint.core.invite.InviteStageRewardsTest.friendOf;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.InvitedFriend;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RewardStatus;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WithholdingInviteRewardsTest extends InviteScenario {

    @Test
    void aFullyRefundedFirstOrderWithholdsItsRewardsReversingThePendingPointsOnBothSides() {
        useRefundWindowDays(7);
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);
        assertThat(balance(inviter).getPending()).isEqualTo(100);
        clock.advance(Duration.ofDays(2));

        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);

        assertThat(balance(inviter).getPending()).isZero();
        assertThat(balance(inviter).getAvailable())
                .as("the ENROLLED reward stays")
                .isEqualTo(10);
        assertThat(member(inviter).getGrowthValue()).isZero();
        assertThat(member(inviter).getValidInvites()).isZero();
        assertThat(balance(invitee).getPending()).isZero();
        assertThat(balance(invitee).getAvailable()).isEqualTo(20);
        InvitedFriend friend = friendOf(inviter);
        assertThat(friend.getWithheld()).isTrue();
        assertThat(friend.getValid()).isFalse();
        assertThat(friend.getRewardsList())
                .extracting(x -> x.getBeneficiary(), x -> x.getStage(), x -> x.getStatus())
                .containsExactlyInAnyOrder(
                        tuple(InviteBeneficiary.INVITER, InviteStage.ENROLLED, RewardStatus.REWARD_GRANTED),
                        tuple(InviteBeneficiary.INVITEE, InviteStage.ENROLLED, RewardStatus.REWARD_GRANTED),
                        tuple(InviteBeneficiary.INVITER, InviteStage.FIRST_ORDER_PAID, RewardStatus.REWARD_WITHHELD),
                        tuple(InviteBeneficiary.INVITEE, InviteStage.FIRST_ORDER_PAID, RewardStatus.REWARD_WITHHELD));
        assertThat(eventRows(inviter, "invite.withheld")).hasSize(1);
        assertThat(eventRows(inviter, "invite.withheld").get(0).payload)
                .contains("\"points_reversed\":100", "\"points_unrecovered\":0", "\"growth_reversed\":50")
                .contains("\"order_id\":\"" + first + "\"");
        assertThat(eventRows(invitee, "invite.withheld")).hasSize(1);
        assertLedgerConsistent(db, inviter);
        assertLedgerConsistent(db, invitee);
    }

    @Test
    void withholdingIsFinalForTheStageAndTheLaterOrderStages() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);
        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);
        MemberState inviterAfterRefund = state(inviter);

        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);
        order(invitee, orderId(), 30_000, OrderStatus.COMPLETED);

        assertThat(state(inviter)).isEqualTo(inviterAfterRefund);
        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(eventRows(inviter, "invite.withheld")).hasSize(1);
    }

    @Test
    void aPartialRefundWithholdsOnlyOnceTheNetAmountFallsBelowTheMinimum() {
        useRefundWindowDays(7);
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);

        order(invitee, first, 10_000, 5_000, OrderStatus.PARTIALLY_REFUNDED, null);
        assertThat(friendOf(inviter).getWithheld())
                .as("¥50 left is the minimum")
                .isFalse();
        assertThat(balance(inviter).getPending()).isEqualTo(100);

        order(invitee, first, 10_000, 5_001, OrderStatus.PARTIALLY_REFUNDED, null);

        assertThat(friendOf(inviter).getWithheld()).isTrue();
        assertThat(balance(inviter).getPending()).isZero();
        assertThat(balance(invitee).getPending())
                .as("the order's own 49 points stay pending")
                .isEqualTo(49);
        assertThat(member(inviter).getValidInvites()).isZero();
        assertLedgerConsistent(db, inviter);
        assertLedgerConsistent(db, invitee);
    }

    @Test
    void withholdingPointsAlreadySpentTakesWhatIsLeftAndNeverOverdraws() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);
        redeem(inviter, 105);

        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);

        assertThat(balance(inviter).getAvailable()).isZero();
        assertThat(eventRows(inviter, "invite.withheld").get(0).payload)
                .contains("\"points_reversed\":5", "\"points_unrecovered\":95");
        assertLedgerConsistent(db, inviter);
    }

    @Test
    void aWithholdingRefundRacingTheInvitersRedeemNeverFailsAndKeepsTheLedgerExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String inviter = newMember();
                String invitee = newInviteeOf(inviter);
                String first = orderId();
                order(invitee, first, 10_000, OrderStatus.PAID);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Object> refund = pool.submit(
                        () -> outcome(start, () -> order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null)));
                Future<Object> spend = pool.submit(() -> outcome(start, () -> redeem(inviter, 60)));

                Object refunded = refund.get(30, TimeUnit.SECONDS);
                Object spent = spend.get(30, TimeUnit.SECONDS);

                assertThat(refunded).isNotInstanceOf(StatusRuntimeException.class);
                if (spent instanceof StatusRuntimeException e) {
                    assertThat(reason(e)).isEqualTo("INSUFFICIENT_POINTS");
                }
                assertThat(friendOf(inviter).getWithheld()).isTrue();
                assertLedgerConsistent(db, inviter);
                assertLedgerConsistent(db, invitee);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object outcome(CyclicBarrier start, Callable<Object> call) throws Exception {
        start.await(10, TimeUnit.SECONDS);
        try {
            return call.call();
        } catch (StatusRuntimeException e) {
            return e;
        }
    }

    @Test
    void aRefundAfterTheLastStageWasReachedLeavesTheInvitationAlone() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.COMPLETED);
        MemberState settled = state(inviter);

        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);

        assertThat(state(inviter)).isEqualTo(settled);
        assertThat(friendOf(inviter).getWithheld()).isFalse();
        assertThat(friendOf(inviter).getValid()).isTrue();
    }
}
