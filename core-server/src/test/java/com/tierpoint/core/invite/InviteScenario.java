package com.tierpoint.core.invite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.invite.application.AdvancingInvitations;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.AcceptInviteRequest;
import com.tierpoint.proto.v1.Balance;
import com.tierpoint.proto.v1.CreateInviteRequest;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.Invitation;
import com.tierpoint.proto.v1.Invite;
import com.tierpoint.proto.v1.InviteRule;
import com.tierpoint.proto.v1.InviteServiceGrpc;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Fixtures for invitation tests: members, codes, accepts, orders and what they left behind. */
abstract class InviteScenario extends CoreTestBase {

    @Autowired
    JdbcTemplate db;

    @Autowired
    OutboxMapper outbox;

    @Autowired
    AdvancingInvitations advancing;

    /** What a member row holds, to prove a refused call changed nothing. */
    record MemberState(long version, long points, long growth, long validInvites, String tier) {}

    static InviteServiceGrpc.InviteServiceBlockingStub invites() {
        return InviteServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static void useInvites(InviteRule rule) {
        useProgram(TestPrograms.standard().toBuilder().setInvites(rule).build());
    }

    static void useRefundWindowDays(int days) {
        useProgram(TestPrograms.standard().toBuilder().setRefundWindowDays(days).build());
    }

    static EnrollMemberResponse enroll(String nickname, String unionid, String inviteCode) {
        return enroll("o_" + UUID.randomUUID(), nickname, unionid, inviteCode, uniqueKey());
    }

    static EnrollMemberResponse enroll(
            String openid, String nickname, String unionid, String inviteCode, String idempotencyKey) {
        WeChatIdentity.Builder id =
                WeChatIdentity.newBuilder().setAppId("wxtest").setOpenid(openid);
        if (unionid != null) {
            id.setUnionid(unionid);
        }
        EnrollMemberRequest.Builder r = EnrollMemberRequest.newBuilder()
                .setIdempotencyKey(idempotencyKey)
                .setIdentity(id);
        if (nickname != null) {
            r.setNickname(nickname);
        }
        if (inviteCode != null) {
            r.setInviteCode(inviteCode);
        }
        return members().enrollMember(r.build());
    }

    static Invite createInvite(String memberId) {
        return invites()
                .createInvite(CreateInviteRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setMemberId(memberId)
                        .build());
    }

    static Invitation accept(String code, String inviteeId) {
        return accept(code, inviteeId, uniqueKey());
    }

    static Invitation accept(String code, String inviteeId, String idempotencyKey) {
        return invites()
                .acceptInvite(AcceptInviteRequest.newBuilder()
                        .setIdempotencyKey(idempotencyKey)
                        .setCode(code)
                        .setInviteeMemberId(inviteeId)
                        .build());
    }

    /** A new member who enrolled with the inviter's code; returns the invitee's id. */
    static String newInviteeOf(String inviterId) {
        String code = createInvite(inviterId).getCode();
        EnrollMemberResponse r = enroll("好友", null, code);
        if (!r.getInviteRejectionReason().isEmpty()) {
            throw new IllegalStateException("invite refused: " + r.getInviteRejectionReason());
        }
        return r.getMember().getMemberId();
    }

    static RecordOrderResponse order(String memberId, String orderId, long amountFen, OrderStatus status) {
        return order(memberId, orderId, amountFen, 0, status, null);
    }

    static RecordOrderResponse order(
            String memberId, String orderId, long amountFen, long refundedFen, OrderStatus status, Instant at) {
        RecordOrderRequest.Builder r = RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId(orderId)
                .setMemberId(memberId)
                .setAmountFen(amountFen)
                .setRefundedFen(refundedFen)
                .setStatus(status);
        if (at != null) {
            r.setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()));
        }
        return orders().recordOrder(r.build());
    }

    static String orderId() {
        return "INV-" + UUID.randomUUID();
    }

    static Balance balance(String memberId) {
        return points().getBalance(
                        GetBalanceRequest.newBuilder().setMemberId(memberId).build());
    }

    MemberState state(String memberId) {
        return db.queryForObject(
                "SELECT version, points_balance, growth_value, valid_invites, tier_code FROM member WHERE id = ?",
                (rs, n) -> new MemberState(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)),
                Long.parseLong(memberId));
    }

    int invitationsOf(String inviterId) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM invitation WHERE inviter_id = ?", Integer.class, Long.parseLong(inviterId));
    }

    int rewardRows(String invitationId) {
        return db.queryForObject(
                "SELECT COUNT(*) FROM invite_reward WHERE invitation_id = ?",
                Integer.class,
                Long.parseLong(invitationId));
    }

    List<String> events(String memberId) {
        return outbox.ofMember(Long.parseLong(memberId)).stream()
                .map(r -> r.eventType)
                .toList();
    }

    List<OutboxRow> eventRows(String memberId, String type) {
        return outbox.ofMember(Long.parseLong(memberId)).stream()
                .filter(r -> r.eventType.equals(type))
                .toList();
    }

    /** Completes whatever earlier tests left due, so counts in a test are its own. */
    void drainDueCompletions() {
        while (advancing.completeDue(Instant.parse("2100-01-01T00:00:00Z"), 1_000) > 0) {
            // keep going until nothing is due
        }
    }

    static StatusRuntimeException failure(ThrowingCallable call) {
        AtomicReference<StatusRuntimeException> caught = new AtomicReference<>();
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, caught::set);
        return caught.get();
    }
}
