package com.tierpoint.core.invite;

import static com.tierpoint.core.invite.InviteStageRewardsTest.friendOf;
import static com.tierpoint.core.support.LedgerAssertions.assertLedgerConsistent;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.proto.v1.InviteStage;
import com.tierpoint.proto.v1.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COMPLETED before the refund window ends: the stage is reached later, by completeDue. */
class CompletingInvitationsTest extends InviteScenario {

    @BeforeEach
    void nothingLeftDueByOtherTests() {
        drainDueCompletions();
        useRefundWindowDays(7);
    }

    @Test
    void anOrderCompletedInsideItsRefundWindowReachesTheLastStageOnlyWhenTheWindowHasPassed() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.PAID);
        clock.advance(Duration.ofDays(1));
        order(invitee, first, 10_000, OrderStatus.COMPLETED);
        Instant windowEnds = T0.plus(Duration.ofDays(7));

        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(advancing.completeDue(windowEnds.minusMillis(1), 100)).isZero();
        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);

        clock.set(windowEnds);
        assertThat(advancing.completeDue(windowEnds, 100)).isEqualTo(1);

        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_COMPLETED);
        assertThat(member(inviter).getGrowthValue()).isEqualTo(50 + 200);
        assertThat(balance(invitee).getAvailable())
                .as("20 + 100 + 30 + 5, all available now")
                .isEqualTo(155);
        assertThat(eventRows(invitee, "invite.rewarded")).hasSize(3);
        assertLedgerConsistent(db, invitee);
    }

    @Test
    void runningCompleteDueAgainChangesNothing() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.COMPLETED);
        Instant later = T0.plus(Duration.ofDays(8));
        assertThat(advancing.completeDue(later, 100)).isEqualTo(1);
        MemberState inviterAfter = state(inviter);
        MemberState inviteeAfter = state(invitee);

        assertThat(advancing.completeDue(later, 100)).isZero();
        order(invitee, first, 10_000, OrderStatus.COMPLETED);

        assertThat(state(inviter)).isEqualTo(inviterAfter);
        assertThat(state(invitee).points()).isEqualTo(inviteeAfter.points());
        assertThat(state(invitee).growth()).isEqualTo(inviteeAfter.growth());
        assertThat(rewardRows(friendOf(inviter).getInvitationId())).isEqualTo(6);
    }

    @Test
    void aRefundBeforeTheWindowEndsWithholdsAndNothingIsCompletedLater() {
        String inviter = newMember();
        String invitee = newInviteeOf(inviter);
        String first = orderId();
        order(invitee, first, 10_000, OrderStatus.COMPLETED);
        order(invitee, first, 10_000, 10_000, OrderStatus.REFUNDED, null);

        assertThat(advancing.completeDue(T0.plus(Duration.ofDays(8)), 100)).isZero();
        assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_PAID);
        assertThat(friendOf(inviter).getWithheld()).isTrue();
    }

    @Test
    void completeDueTakesAtMostTheLimitLongestDueFirst() {
        String inviter = newMember();
        List<String> invitees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String invitee = newInviteeOf(inviter);
            invitees.add(invitee);
            order(invitee, orderId(), 10_000, OrderStatus.COMPLETED);
            clock.advance(Duration.ofMinutes(1));
        }
        Instant later = T0.plus(Duration.ofDays(8));

        assertThat(advancing.completeDue(later, 2)).isEqualTo(2);
        assertThat(advancing.completeDue(later, 2)).isEqualTo(1);
        assertThat(member(inviter).getGrowthValue()).isEqualTo(3 * (50 + 200));
    }

    @Test
    void twoInstancesCompletingAtOnceGrantEachStageExactlyOnce() throws Exception {
        List<String> inviters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String inviter = newMember();
            inviters.add(inviter);
            order(newInviteeOf(inviter), orderId(), 10_000, OrderStatus.COMPLETED);
        }
        Instant later = T0.plus(Duration.ofDays(8));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return advancing.completeDue(later, 100);
                }));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get(30, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        for (String inviter : inviters) {
            assertThat(member(inviter).getGrowthValue()).isEqualTo(50 + 200);
            assertThat(friendOf(inviter).getStage()).isEqualTo(InviteStage.FIRST_ORDER_COMPLETED);
            assertThat(eventRows(inviter, "invite.rewarded")).hasSize(3);
            assertThat(rewardRows(friendOf(inviter).getInvitationId())).isEqualTo(6);
        }
    }
}
