package com.tierpoint.core.invite;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.CreateInviteRequest;
import com.tierpoint.proto.v1.Invitation;
import com.tierpoint.proto.v1.Invite;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteCodesTest extends InviteScenario {

    @Test
    void aCodeIsTenCrockfordCharactersThatFitAMiniProgramSceneAndExpireAfterTheProgramsValidity() {
        String inviter = newMember();

        Invite invite = createInvite(inviter);

        assertThat(invite.getCode()).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(invite.getCode().length()).isLessThanOrEqualTo(32);
        assertThat(invite.getInviterMemberId()).isEqualTo(inviter);
        assertThat(instant(invite.getCreatedAt())).isEqualTo(T0);
        assertThat(instant(invite.getExpiresAt())).isEqualTo(T0.plus(Duration.ofDays(7)));
    }

    @Test
    void codesOfDifferentMembersDiffer() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            codes.add(createInvite(newMember()).getCode());
        }

        assertThat(codes).hasSize(20);
    }

    @Test
    void theActiveCodeIsReusedUntilLessThanHalfItsValidityRemains() {
        String inviter = newMember();
        Invite first = createInvite(inviter);

        clock.advance(Duration.ofDays(3));
        Invite again = createInvite(inviter);
        clock.advance(Duration.ofDays(1));
        Invite fresh = createInvite(inviter);

        assertThat(again).isEqualTo(first);
        assertThat(fresh.getCode()).isNotEqualTo(first.getCode());
        assertThat(instant(fresh.getExpiresAt())).isEqualTo(T0.plus(Duration.ofDays(11)));
        String invitee = enroll("新朋友", null, null).getMember().getMemberId();
        assertThat(accept(first.getCode(), invitee).getInviterMemberId())
                .as("the older code keeps working until it expires")
                .isEqualTo(inviter);
    }

    @Test
    void aRetriedCreateReturnsTheSameCode() {
        String inviter = newMember();
        CreateInviteRequest request = CreateInviteRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(inviter)
                .build();

        Invite first = invites().createInvite(request);
        clock.advance(Duration.ofDays(5));
        Invite retried = invites().createInvite(request);

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void anExpiredCodeIsRefusedWithInviteExpiredAndChangesNothing() {
        String inviter = newMember();
        Invite invite = createInvite(inviter);
        clock.advance(Duration.ofDays(7));
        String invitee = enroll("晚来的朋友", null, null).getMember().getMemberId();
        MemberState inviterBefore = state(inviter);
        MemberState inviteeBefore = state(invitee);

        StatusRuntimeException e = failure(() -> accept(invite.getCode(), invitee));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(e)).isEqualTo("INVITE_EXPIRED");
        assertThat(state(inviter)).isEqualTo(inviterBefore);
        assertThat(state(invitee)).isEqualTo(inviteeBefore);
        assertThat(invitationsOf(inviter)).isZero();
    }

    @Test
    void aCodeIsReadTheForgivingCrockfordWay() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String typed = code.toLowerCase().replace('0', 'o').replace('1', 'l');
        String invitee = enroll("朋友", null, null).getMember().getMemberId();

        Invitation invitation = accept(typed.substring(0, 5) + "-" + typed.substring(5), invitee);

        assertThat(invitation.getCode()).isEqualTo(code);
        assertThat(invitation.getInviterMemberId()).isEqualTo(inviter);
    }

    @Test
    void anUnknownCodeIsNotFoundAndAMalformedOneIsInvalid() {
        String invitee = newMember();

        StatusRuntimeException unknown = failure(() -> accept("ZZZZZZZZZZ", invitee));
        StatusRuntimeException spaces = failure(() -> accept("has spaces", invitee));
        StatusRuntimeException tooLong = failure(() -> accept("A".repeat(33), invitee));
        StatusRuntimeException noInvitee = failure(() -> accept("ZZZZZZZZZZ", "not-a-member-id"));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(spaces.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fields(spaces)).containsExactly("code");
        assertThat(fields(tooLong)).containsExactly("code");
        assertThat(fields(noInvitee)).containsExactly("invitee_member_id");
    }

    @Test
    void creatingACodeNeedsInvitationsOnAndAKnownMember() {
        String inviter = newMember();
        useProgram(TestPrograms.standard().toBuilder().clearInvites().build());

        StatusRuntimeException off = failure(() -> createInvite(inviter));

        useProgram(TestPrograms.standard());
        StatusRuntimeException unknown = failure(() -> createInvite("123456789"));
        StatusRuntimeException invalid = failure(() -> createInvite("abc"));
        assertThat(reason(off)).isEqualTo("INVITES_DISABLED");
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(fields(invalid)).containsExactly("member_id");
    }

    static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
