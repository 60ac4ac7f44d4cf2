package com.tierpoint.core.engagement;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.CheckInCalendar;
import com.tierpoint.proto.v1.CheckInRequest;
import com.tierpoint.proto.v1.CheckInResponse;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.GetCheckInCalendarRequest;
import com.tierpoint.proto.v1.GetLeaderboardRequest;
import com.tierpoint.proto.v1.Leaderboard;
import com.tierpoint.proto.v1.MemberGroups;
import com.tierpoint.proto.v1.SetMemberGroupsRequest;
import com.tierpoint.proto.v1.WeChatIdentity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Calls of EngagementService, and time in the program's zone (Asia/Shanghai). */
abstract class EngagementTestBase extends CoreTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static EngagementServiceGrpc.EngagementServiceBlockingStub engagement() {
        return EngagementServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(ADMIN_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Sets the clock to a wall-clock time in Shanghai, e.g. "2026-03-10T23:59". */
    void setShanghaiTime(String localDateTime) {
        clock.set(shanghai(localDateTime));
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static CheckInResponse checkIn(String memberId) {
        return checkIn(memberId, uniqueKey());
    }

    static CheckInResponse checkIn(String memberId, String idempotencyKey) {
        return engagement()
                .checkIn(CheckInRequest.newBuilder()
                        .setIdempotencyKey(idempotencyKey)
                        .setMemberId(memberId)
                        .build());
    }

    static CheckInCalendar calendar(String memberId, String month) {
        return engagement()
                .getCheckInCalendar(GetCheckInCalendarRequest.newBuilder()
                        .setMemberId(memberId)
                        .setMonth(month)
                        .build());
    }

    static Leaderboard board(String month, String groupId, int topN, String memberId) {
        return engagement()
                .getLeaderboard(GetLeaderboardRequest.newBuilder()
                        .setMonth(month)
                        .setGroupId(groupId)
                        .setTopN(topN)
                        .setMemberId(memberId)
                        .build());
    }

    static MemberGroups setGroups(String memberId, List<String> add, List<String> remove) {
        return engagement()
                .setMemberGroups(SetMemberGroupsRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setMemberId(memberId)
                        .addAllAddGroupIds(add)
                        .addAllRemoveGroupIds(remove)
                        .build());
    }

    /** Enrolls a fresh member with a nickname (empty = none). */
    static String newMember(String nickname) {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setIdentity(
                                WeChatIdentity.newBuilder().setAppId("wxtest").setOpenid("o_" + UUID.randomUUID()))
                        .setNickname(nickname)
                        .build())
                .getMember()
                .getMemberId();
    }

    /** A WeCom-style customer group id no other test uses. */
    static String newGroupId() {
        return "wr" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
