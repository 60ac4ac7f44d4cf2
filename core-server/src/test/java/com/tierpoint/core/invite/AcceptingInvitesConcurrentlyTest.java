package com.tierpoint.core.invite;

import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.Invitation;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retries and races never grant twice. */
class AcceptingInvitesConcurrentlyTest extends InviteScenario {

    @Test
    void aRetriedAcceptReturnsTheStoredInvitationEvenOnceTheWindowHasPassedAndGrantsOnce() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String invitee = newMember();
        String key = uniqueKey();
        Invitation first = accept(code, invitee, key);
        MemberState inviterAfter = state(inviter);
        MemberState inviteeAfter = state(invitee);

        clock.advance(Duration.ofDays(2));
        Invitation retried = accept(code, invitee, key);

        assertThat(retried).isEqualTo(first);
        assertThat(state(inviter)).isEqualTo(inviterAfter);
        assertThat(state(invitee)).isEqualTo(inviteeAfter);
        assertThat(rewardRows(first.getInvitationId())).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherCodeIsAConflictAndANewKeyForTheSameCodeIsAlreadyInvited() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String other = createInvite(newMember()).getCode();
        String invitee = newMember();
        String key = uniqueKey();
        accept(code, invitee, key);

        StatusRuntimeException conflict = failure(() -> accept(other, invitee, key));
        StatusRuntimeException again = failure(() -> accept(code, invitee));

        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(reason(again)).isEqualTo("ALREADY_INVITED");
        assertThat(balance(invitee).getAvailable()).isEqualTo(20);
    }

    @Test
    void aRetriedEnrollmentWithACodeReturnsTheSameInvitationAndGrantsOnce() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String openid = "o_" + UUID.randomUUID();
        String key = uniqueKey();

        EnrollMemberResponse first = enroll(openid, "小新", null, code, key);
        EnrollMemberResponse retried = enroll(openid, "小新", null, code, key);
        EnrollMemberResponse newKey = enroll(openid, "小新", null, code, uniqueKey());

        assertThat(retried.getInvitationId()).isEqualTo(first.getInvitationId()).isNotEmpty();
        assertThat(retried.getMember().getMemberId())
                .isEqualTo(first.getMember().getMemberId());
        assertThat(newKey.getCreated()).isFalse();
        assertThat(newKey.getInviteRejectionReason()).isEqualTo("ALREADY_INVITED");
        assertThat(balance(inviter).getAvailable()).isEqualTo(10);
        assertThat(balance(first.getMember().getMemberId()).getAvailable()).isEqualTo(20);
    }

    @Test
    void anExistingMemberReEnrollingWithACodeInsideTheWindowIsAccepted() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String openid = "o_" + UUID.randomUUID();
        enroll(openid, "小新", null, null, uniqueKey());
        clock.advance(Duration.ofHours(2));

        EnrollMemberResponse again = enroll(openid, "小新", null, code, uniqueKey());

        assertThat(again.getCreated()).isFalse();
        assertThat(again.getInvitationId()).isNotEmpty();
        assertThat(again.getMember().getPointsAvailable()).isEqualTo(20);
    }

    @Test
    void twoInvitersRacingForOneInviteeExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String a = newMember();
            String b = newMember();
            String codeA = createInvite(a).getCode();
            String codeB = createInvite(b).getCode();
            String invitee = newMember();

            List<Object> outcomes = race(List.of(() -> accept(codeA, invitee), () -> accept(codeB, invitee)));

            assertThat(outcomes).filteredOn(o -> o instanceof Invitation).hasSize(1);
            assertThat(outcomes)
                    .filteredOn(o -> o instanceof StatusRuntimeException)
                    .extracting(o -> reason((StatusRuntimeException) o))
                    .containsExactly("ALREADY_INVITED");
            assertThat(balance(invitee).getAvailable()).isEqualTo(20);
            assertThat(balance(a).getAvailable() + balance(b).getAvailable()).isEqualTo(10);
        }
    }

    @Test
    void racingAcceptsNeverExceedTheDailyCap() throws Exception {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        List<Callable<Object>> accepts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String invitee = newMember();
            accepts.add(() -> accept(code, invitee));
        }

        List<Object> outcomes = race(accepts);

        assertThat(outcomes).filteredOn(o -> o instanceof Invitation).hasSize(3);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof StatusRuntimeException)
                .extracting(o -> reason((StatusRuntimeException) o))
                .containsOnly("INVITER_DAILY_CAP")
                .hasSize(3);
        assertThat(invitationsOf(inviter)).isEqualTo(3);
        assertThat(balance(inviter).getAvailable()).isEqualTo(30);
    }

    /** Runs the calls at once; each outcome is the result or the StatusRuntimeException. */
    private static List<Object> race(List<Callable<Object>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return call.call();
                    } catch (StatusRuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
