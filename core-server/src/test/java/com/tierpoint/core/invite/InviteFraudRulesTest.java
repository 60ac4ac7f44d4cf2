package com.tierpoint.core.invite;

import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every rule refuses with FAILED_PRECONDITION and its reason code, and changes nothing. */
class InviteFraudRulesTest extends InviteScenario {

    @Test
    void acceptingOnesOwnCodeIsASelfInvite() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();

        assertRefused(() -> accept(code, inviter), "SELF_INVITE", inviter, inviter);
    }

    @Test
    void invitingOnesOwnInviterIsACycle() {
        // everyone enrolls and creates codes in the same instant, the only way past the newness rule
        String a = newMember();
        String b = newMember();
        String codeA = createInvite(a).getCode();
        String codeB = createInvite(b).getCode();
        accept(codeA, b);

        assertRefused(() -> accept(codeB, a), "INVITE_CYCLE", b, a);
    }

    @Test
    void invitingAMemberFurtherUpTheChainIsACycle() {
        String a = newMember();
        String b = newMember();
        String c = newMember();
        accept(createInvite(a).getCode(), b);
        accept(createInvite(b).getCode(), c);
        String codeC = createInvite(c).getCode();

        assertRefused(() -> accept(codeC, a), "INVITE_CYCLE", c, a);
    }

    @Test
    void aMemberWhoEnrolledBeforeTheCodeWasCreatedIsNotNew() {
        String invitee = newMember();
        clock.advance(Duration.ofMinutes(1));
        String inviter = newMember();
        String code = createInvite(inviter).getCode();

        assertRefused(() -> accept(code, invitee), "INVITEE_NOT_NEW", inviter, invitee);
    }

    @Test
    void aMemberWhoEnrolledLongerAgoThanTheAcceptWindowIsNotNew() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String invitee = newMember();
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertRefused(() -> accept(code, invitee), "INVITEE_NOT_NEW", inviter, invitee);
    }

    @Test
    void theSameWechatUserEnrolledEarlierUnderAnotherAppIsPreviouslyAMember() {
        String unionid = "u_" + UUID.randomUUID();
        enroll("老朋友", unionid, null);
        clock.advance(Duration.ofHours(1));
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        clock.advance(Duration.ofHours(1));
        String again = members()
                .enrollMember(com.tierpoint.proto.v1.EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setIdentity(com.tierpoint.proto.v1.WeChatIdentity.newBuilder()
                                .setAppId("wxother")
                                .setOpenid("o_" + UUID.randomUUID())
                                .setUnionid(unionid))
                        .build())
                .getMember()
                .getMemberId();

        assertRefused(() -> accept(code, again), "INVITEE_PREVIOUSLY_MEMBER", inviter, again);
    }

    @Test
    void aMemberWithAnInviterAlreadyCannotAcceptAnotherCode() {
        String first = newMember();
        String second = newMember();
        String invitee = newMember();
        accept(createInvite(first).getCode(), invitee);
        String code = createInvite(second).getCode();

        assertRefused(() -> accept(code, invitee), "ALREADY_INVITED", second, invitee);
        assertRefused(() -> accept(createInvite(first).getCode(), invitee), "ALREADY_INVITED", first, invitee);
    }

    @Test
    void anInviterGetsAtMostTheDailyCapOfAcceptsPerProgramDay() {
        // T0 is 10:00 in Shanghai; the program day ends at 16:00 UTC
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        for (int i = 0; i < 3; i++) {
            accept(code, newMember());
        }
        String fourth = newMember();

        assertRefused(() -> accept(code, fourth), "INVITER_DAILY_CAP", inviter, fourth);

        clock.set(Instant.parse("2026-03-10T16:00:00Z"));
        assertThat(accept(code, fourth).getInviterMemberId())
                .as("a new program day")
                .isEqualTo(inviter);
    }

    @Test
    void anInviterGetsAtMostTheMonthlyCapOfAcceptsPerProgramMonth() {
        useInvites(TestPrograms.invites().toBuilder()
                .setDailyCap(0)
                .setMonthlyCap(2)
                .build());
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        accept(code, newMember());
        clock.advance(Duration.ofDays(1));
        accept(code, newMember());
        clock.advance(Duration.ofDays(1));
        String third = newMember();

        assertRefused(() -> accept(code, third), "INVITER_MONTHLY_CAP", inviter, third);

        // April 1st 00:00 in Shanghai
        clock.set(Instant.parse("2026-03-31T16:00:00Z"));
        String april = newMember();
        assertThat(accept(createInvite(inviter).getCode(), april).getInviterMemberId())
                .isEqualTo(inviter);
    }

    @Test
    void acceptingWhileInvitationsAreOffIsRefused() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String invitee = newMember();
        useProgram(TestPrograms.standard().toBuilder()
                .setInvites(TestPrograms.invites().toBuilder().setEnabled(false))
                .build());

        assertRefused(() -> accept(code, invitee), "INVITES_DISABLED", inviter, invitee);
    }

    @Test
    void anUnknownCodeIsNotFoundAndChangesNothing() {
        String invitee = newMember();
        MemberState before = state(invitee);

        StatusRuntimeException e = failure(() -> accept("0123456789", invitee));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(state(invitee)).isEqualTo(before);
    }

    @Test
    void enrollingWithARefusedCodeEnrollsTheMemberAndReportsTheReason() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        for (int i = 0; i < 3; i++) {
            accept(code, newMember());
        }
        MemberState inviterBefore = state(inviter);

        EnrollMemberResponse capped = enroll("第四位", null, code);
        EnrollMemberResponse unknown = enroll("第五位", null, "ZZZZZZZZZZ");

        assertThat(capped.getCreated()).isTrue();
        assertThat(capped.getInviteRejectionReason()).isEqualTo("INVITER_DAILY_CAP");
        assertThat(capped.getInvitationId()).isEmpty();
        assertThat(unknown.getCreated()).isTrue();
        assertThat(unknown.getInviteRejectionReason()).isEqualTo("INVITE_NOT_FOUND");
        assertThat(state(inviter)).isEqualTo(inviterBefore);
        assertThat(invitationsOf(inviter)).isEqualTo(3);
        String m = capped.getMember().getMemberId();
        assertThat(state(m)).isEqualTo(new MemberState(1, 0, 0, 0, "MEMBER"));
        assertThat(events(m)).containsExactly("member.enrolled");
    }

    /** Refused with the reason; neither member, their ledgers, events nor the invitations changed. */
    private void assertRefused(ThrowingCallable call, String reason, String inviter, String invitee) {
        MemberState inviterBefore = state(inviter);
        MemberState inviteeBefore = state(invitee);
        int inviterEvents = events(inviter).size();
        int inviteeEvents = events(invitee).size();
        int invitations = invitationsOf(inviter);
        Integer quota = db.queryForObject(
                "SELECT COALESCE(SUM(day_count + month_count), 0) FROM invite_quota WHERE inviter_id = ?",
                Integer.class,
                Long.parseLong(inviter));

        StatusRuntimeException e = failure(call);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(e)).isEqualTo(reason);
        assertThat(state(inviter)).isEqualTo(inviterBefore);
        assertThat(state(invitee)).isEqualTo(inviteeBefore);
        assertThat(events(inviter)).hasSize(inviterEvents);
        assertThat(events(invitee)).hasSize(inviteeEvents);
        assertThat(invitationsOf(inviter)).isEqualTo(invitations);
        assertThat(db.queryForObject(
                        "SELECT COALESCE(SUM(day_count + month_count), 0) FROM invite_quota WHERE inviter_id = ?",
                        Integer.class,
                        Long.parseLong(inviter)))
                .isEqualTo(quota);
    }
}
