package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.MemberGroupMapper;
import com.tierpoint.core.engagement.model.GroupIds;
import com.tierpoint.core.member.application.MemberView;
import com.tierpoint.core.member.application.MemberViews;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** ListGroupMembers: a WeCom customer group's members for the operator console, keyset paged by member id. */
@Service
public class ListingGroupMembers {

    public record Query(String groupId, int pageSize, String pageToken) {}

    public record Entry(MemberView member, Instant joinedAt) {}

    public record Page(List<Entry> members, String nextPageToken) {}

    private final MemberGroupMapper groups;
    private final MemberViews views;

    ListingGroupMembers(MemberGroupMapper groups, MemberViews views) {
        this.groups = groups;
        this.views = views;
    }

    public Page list(Query q) {
        Validation v = new Validation();
        v.require(GroupIds.valid(q.groupId()), "group_id", GroupIds.RULE);
        v.require(q.pageSize() >= 0 && q.pageSize() <= 100, "page_size", "must be 1 to 100 (0 = 20)");
        long after = 0;
        if (q.pageToken() != null && !q.pageToken().isEmpty()) {
            Long parsed = MemberId.parse(q.pageToken());
            v.require(parsed != null, "page_token", "is not a token from a previous page");
            after = parsed == null ? 0 : parsed;
        }
        v.throwIfInvalid();
        int size = q.pageSize() == 0 ? 20 : q.pageSize();
        List<MemberGroupMapper.Membership> rows = groups.membersOf(q.groupId(), after, size + 1);
        List<Entry> entries = new ArrayList<>();
        for (MemberGroupMapper.Membership m : rows.subList(0, Math.min(size, rows.size()))) {
            views.byId(m.memberId).ifPresent(view -> entries.add(new Entry(view, Instant.ofEpochMilli(m.joinedAt))));
        }
        String next = rows.size() > size ? String.valueOf(rows.get(size - 1).memberId) : "";
        return new Page(entries, next);
    }
}
