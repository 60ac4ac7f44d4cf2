package com.tierpoint.core.member.application;

import com.tierpoint.core.points.model.ExpiringPoints;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything GetMember and GetTierProgress answer, as of one member version and one program
 * version. This is what the Redis cache holds.
 *
 * @param metrics metric values keyed by {@link MemberMetrics#key}, for the conditions of the
 *     next tier's upgrade rule and the current tier's retention rule
 * @param freshUntil when time alone changes this view (a pending lot matures, a lot expires,
 *     a rolling window moves on): a cached copy is never served past it
 * @param phone mainland mobile number, 11 digits; null when unknown
 */
public record MemberView(
        long memberId,
        String appId,
        String openid,
        String unionid,
        String nickname,
        String birthday,
        String tierCode,
        Instant tierSince,
        Instant tierValidUntil,
        long pointsAvailable,
        long pointsPending,
        List<ExpiringPoints> expiringSoonest,
        long growthValue,
        long totalSpendFen,
        long orderCount,
        long validInvites,
        Instant enrolledAt,
        long version,
        long programVersion,
        Map<String, Long> metrics,
        Instant freshUntil,
        String phone) {}
