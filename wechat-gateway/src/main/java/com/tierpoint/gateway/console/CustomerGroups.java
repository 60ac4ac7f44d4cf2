package com.tierpoint.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.wecom.WeComAccount;
import com.tierpoint.proto.v1.GroupMember;
import com.tierpoint.proto.v1.ListGroupMembersRequest;
import com.tierpoint.proto.v1.ListGroupMembersResponse;
import com.tierpoint.proto.v1.ResolveUnionidsRequest;
import com.tierpoint.proto.v1.SetMemberGroupsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatInfo;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatList;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/**
 * WeCom customer groups and their members in the core. WeCom knows who is in a group; the core
 * knows who of them is a member (by unionid) and ranks group leaderboards from the group
 * memberships it holds. Looking a group up brings the core's memberships in line with WeCom's
 * list, at most every {@link #RESYNC}.
 */
final class CustomerGroups {

    static final Duration RESYNC = Duration.ofMinutes(5);
    /** The core's limit per ResolveUnionids call. */
    private static final int UNIONIDS_PER_CALL = 500;

    private static final String SYNCED = "tp:gw:group-synced:";
    /** How long a group's name and size fetched from WeCom serve the group list. */
    static final Duration SUMMARY_FRESH = Duration.ofMinutes(10);

    private static final String SUMMARY = "tp:gw:group-summary:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WeComAccount wecom;
    private final CoreClient core;
    private final StringRedisTemplate redis;
    private final Clock clock;

    CustomerGroups(WeComAccount wecom, CoreClient core, StringRedisTemplate redis, Clock clock) {
        this.wecom = wecom;
        this.core = core;
        this.redis = redis;
        this.clock = clock;
    }

    record GroupInfo(String chatId, String name, String owner, int memberCount, List<String> unionids) {}

    /** What the group list shows of a group, and when it was fetched from WeCom (epoch ms). */
    record Summary(String chatId, String name, String owner, int memberCount, long fetchedAt) {}

    /** The corp's customer groups (every page of WeCom's list). */
    List<String> chatIds() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        try {
            do {
                WxCpUserExternalGroupChatList page =
                        wecom.service().getExternalContactService().listGroupChat(1000, cursor, 0, null);
                page.getGroupChatList().forEach(g -> ids.add(g.getChatId()));
                cursor = page.getNextCursor();
            } while (cursor != null && !cursor.isEmpty() && ids.size() < 10_000);
        } catch (WxErrorException e) {
            throw wecomError(e);
        }
        return ids;
    }

    /**
     * The groups' names and sizes for a list. WeCom answers them one group per call, so what was
     * fetched in the last {@link #SUMMARY_FRESH} (by a list or by a group's own page) is used
     * again and WeCom is asked only for the rest. Groups WeCom no longer has are left out.
     */
    List<Summary> summaries(List<String> chatIds) {
        if (chatIds.isEmpty()) {
            return List.of();
        }
        List<String> held = redis.opsForValue()
                .multiGet(chatIds.stream().map(id -> SUMMARY + id).toList());
        long freshSince = clock.millis() - SUMMARY_FRESH.toMillis();
        List<Summary> out = new ArrayList<>();
        for (int i = 0; i < chatIds.size(); i++) {
            Summary s = held == null ? null : parse(held.get(i));
            if (s != null && s.fetchedAt() > freshSince) {
                out.add(s);
            } else {
                group(chatIds.get(i)).ifPresent(g -> out.add(summaryOf(g)));
            }
        }
        return out;
    }

    /** A group as WeCom has it now; its summary is kept for the group list. */
    Optional<GroupInfo> group(String chatId) {
        Optional<GroupInfo> fetched = fetch(chatId);
        fetched.ifPresent(this::remember);
        return fetched;
    }

    private Summary summaryOf(GroupInfo g) {
        return new Summary(g.chatId(), g.name(), g.owner(), g.memberCount(), clock.millis());
    }

    private void remember(GroupInfo g) {
        try {
            redis.opsForValue().set(SUMMARY + g.chatId(), JSON.writeValueAsString(summaryOf(g)), Duration.ofDays(1));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Summary parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Summary.class);
        } catch (JsonProcessingException e) {
            return null; // written by another version: fetched again
        }
    }

    private Optional<GroupInfo> fetch(String chatId) {
        try {
            WxCpUserExternalGroupChatInfo info =
                    wecom.service().getExternalContactService().getGroupChat(chatId, 1);
            var chat = info.getGroupChat();
            List<String> unionids = new ArrayList<>();
            int count = 0;
            for (var m : chat.getMemberList()) {
                if (m.getType() == 2) { // external contacts: the brand's customers
                    count++;
                    if (m.getUnionId() != null && !m.getUnionId().isEmpty()) {
                        unionids.add(m.getUnionId());
                    }
                }
            }
            return Optional.of(new GroupInfo(chat.getChatId(), chat.getName(), chat.getOwner(), count, unionids));
        } catch (WxErrorException e) {
            if (e.getError().getErrorCode() == 40050) {
                return Optional.empty();
            }
            throw wecomError(e);
        }
    }

    /** When the core's memberships of the group were last brought in line with WeCom's. */
    Instant syncIfStale(GroupInfo group) {
        String at = redis.opsForValue().get(SYNCED + group.chatId());
        Instant now = clock.instant();
        if (at != null && Instant.ofEpochMilli(Long.parseLong(at)).plus(RESYNC).isAfter(now)) {
            return Instant.ofEpochMilli(Long.parseLong(at));
        }
        Set<String> inWeCom = new HashSet<>();
        List<String> unionids = group.unionids();
        // WeCom groups hold up to 500 customers: one call per 500 unionids, not one per member
        for (int from = 0; from < unionids.size(); from += UNIONIDS_PER_CALL) {
            List<String> chunk = unionids.subList(from, Math.min(unionids.size(), from + UNIONIDS_PER_CALL));
            core.members()
                    .resolveUnionids(ResolveUnionidsRequest.newBuilder()
                            .addAllUnionids(chunk)
                            .build())
                    .getResolvedList()
                    .forEach(r -> inWeCom.addAll(r.getMemberIdsList()));
        }
        Set<String> inCore = new HashSet<>();
        members(group.chatId()).forEach(m -> inCore.add(m.getMemberId()));
        for (String id : inWeCom) {
            if (!inCore.contains(id)) {
                setGroup(id, group.chatId(), true);
            }
        }
        for (String id : inCore) {
            if (!inWeCom.contains(id)) {
                setGroup(id, group.chatId(), false);
            }
        }
        redis.opsForValue().set(SYNCED + group.chatId(), Long.toString(now.toEpochMilli()), Duration.ofDays(7));
        return now;
    }

    /** Every member of the group the core knows (the first 1000). */
    List<GroupMember> members(String chatId) {
        List<GroupMember> all = new ArrayList<>();
        String token = "";
        do {
            ListGroupMembersResponse page = core.engagement()
                    .listGroupMembers(ListGroupMembersRequest.newBuilder()
                            .setGroupId(chatId)
                            .setPageSize(100)
                            .setPageToken(token)
                            .build());
            all.addAll(page.getMembersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty() && all.size() < 1000);
        return all;
    }

    private void setGroup(String memberId, String chatId, boolean add) {
        SetMemberGroupsRequest.Builder r = SetMemberGroupsRequest.newBuilder()
                .setIdempotencyKey(UUID.randomUUID().toString()) // adding or removing twice changes nothing
                .setMemberId(memberId);
        if (add) {
            r.addAddGroupIds(chatId);
        } else {
            r.addRemoveGroupIds(chatId);
        }
        core.engagement().setMemberGroups(r.build());
    }

    private static ApiException wecomError(WxErrorException e) {
        int code = e.getError().getErrorCode();
        if (code == 45009 || code == -1) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "WECOM_BUSY", "企业微信繁忙，请稍后再试");
        }
        return new ApiException(HttpStatus.BAD_GATEWAY, "WECOM_ERROR", "企业微信接口错误（错误码 " + code + "）");
    }
}
