package com.tierpoint.gateway.console;

import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.api.Digests;
import com.tierpoint.proto.v1.AuditEntry;
import com.tierpoint.proto.v1.InvitationReward;
import com.tierpoint.proto.v1.InviteBeneficiary;
import com.tierpoint.proto.v1.InvitedFriend;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.RewardStatus;
import com.tierpoint.proto.v1.TierSummary;
import java.time.Instant;
import java.util.List;

/** What the console's JSON says about members, ledger lines, invitees and audit entries. */
final class ConsoleViews {

    private ConsoleViews() {}

    record Tier(String code, String name, int rank) {
        static Tier of(TierSummary t) {
            return new Tier(t.getCode(), t.getName(), t.getRank());
        }
    }

    record MemberSummary(
            String memberId,
            String nickname,
            String phone,
            Tier tier,
            long pointsAvailable,
            long growthValue,
            Instant enrolledAt) {

        static MemberSummary of(Member m, boolean fullPhone) {
            return new MemberSummary(
                    m.getMemberId(),
                    m.getNickname(),
                    maskedPhone(m.getPhone(), fullPhone),
                    Tier.of(m.getTier()),
                    m.getPointsAvailable(),
                    m.getGrowthValue(),
                    instant(m.getEnrolledAt()));
        }
    }

    record Expiring(Instant expiresAt, long points) {}

    record MemberDetail(
            String memberId,
            String nickname,
            String phone,
            Tier tier,
            long pointsAvailable,
            long pointsPending,
            long growthValue,
            long totalSpendFen,
            long orderCount,
            long validInvites,
            Instant enrolledAt,
            Instant tierValidUntil,
            List<Expiring> expiringSoonest,
            List<String> groups) {

        static MemberDetail of(Member m, boolean fullPhone, List<String> groups) {
            return new MemberDetail(
                    m.getMemberId(),
                    m.getNickname(),
                    maskedPhone(m.getPhone(), fullPhone),
                    Tier.of(m.getTier()),
                    m.getPointsAvailable(),
                    m.getPointsPending(),
                    m.getGrowthValue(),
                    m.getTotalSpendFen(),
                    m.getOrderCount(),
                    m.getValidInvites(),
                    instant(m.getEnrolledAt()),
                    m.hasTierValidUntil() ? instant(m.getTierValidUntil()) : null,
                    m.getExpiringSoonestList().stream()
                            .map(e -> new Expiring(instant(e.getExpiresAt()), e.getPoints()))
                            .toList(),
                    groups);
        }
    }

    record Transaction(
            String id, String type, long points, String reason, String source, Instant occurredAt, long balanceAfter) {
        static Transaction of(PointsTransaction t) {
            return new Transaction(
                    t.getTransactionId(),
                    t.getType().name(),
                    t.getPoints(),
                    t.getReason(),
                    t.getSource(),
                    instant(t.getCreatedAt()),
                    t.getBalanceAfter());
        }
    }

    record TransactionPage(List<Transaction> items, String nextPageToken) {}

    /** An invitee as the inviter's page shows them: masked, as the core hands them out. */
    record Invitee(String inviteeMemberId, String nickname, String status, Instant acceptedAt, long rewardPoints) {
        static Invitee of(InvitedFriend f) {
            long points = f.getRewardsList().stream()
                    .filter(r -> r.getBeneficiary() == InviteBeneficiary.INVITER)
                    .filter(r -> r.getStatus() == RewardStatus.REWARD_GRANTED
                            || r.getStatus() == RewardStatus.REWARD_PENDING)
                    .mapToLong(InvitationReward::getPoints)
                    .sum();
            return new Invitee(
                    f.getMaskedMemberId(),
                    f.getMaskedNickname(),
                    f.getWithheld() ? "WITHHELD" : f.getStage().name(),
                    instant(f.getAcceptedAt()),
                    points);
        }
    }

    record Audit(
            String id,
            Instant at,
            String actor,
            String action,
            String memberId,
            long amount,
            String reason,
            String result,
            String reasonCode,
            String detail) {
        static Audit of(AuditEntry e) {
            return new Audit(
                    e.getAuditId(),
                    instant(e.getAt()),
                    e.getActorUserId(),
                    e.getAction(),
                    e.getMemberId(),
                    e.getAmount(),
                    e.getReason(),
                    e.getResult().name(),
                    e.getReasonCode(),
                    e.getDetail());
        }
    }

    /** 138****8000 for viewers; the full number for operators and admins. */
    static String maskedPhone(String phone, boolean full) {
        if (phone == null || phone.isEmpty()) {
            return null;
        }
        if (full || phone.length() < 7) {
            return phone;
        }
        return Digests.maskedPhone(phone);
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
