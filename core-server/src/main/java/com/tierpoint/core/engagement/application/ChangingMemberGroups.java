package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.MemberGroupMapper;
import com.tierpoint.core.engagement.model.GroupIds;
import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/** SetMemberGroups and ListMemberGroups: the WeCom customer groups a member belongs to. */
@Service
public class ChangingMemberGroups {

    public static final int MAX_PER_REQUEST = 100;

    public record Command(String memberId, List<String> add, List<String> remove) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
            v.require(!add.isEmpty() || !remove.isEmpty(), "add_group_ids", "add or remove at least one group");
            groupIds(add, "add_group_ids", v);
            groupIds(remove, "remove_group_ids", v);
            Set<String> adding = new HashSet<>(add);
            for (int i = 0; i < remove.size(); i++) {
                v.require(!adding.contains(remove.get(i)), "remove_group_ids[" + i + "]", "is also in add_group_ids");
            }
        }

        private static void groupIds(List<String> ids, String field, Validation v) {
            v.require(ids.size() <= MAX_PER_REQUEST, field, "at most " + MAX_PER_REQUEST + " groups per request");
            for (int i = 0; i < ids.size(); i++) {
                v.require(GroupIds.valid(ids.get(i)), field + "[" + i + "]", GroupIds.RULE);
            }
        }
    }

    private final MemberWrites members;
    private final MemberMapper memberRows;
    private final MemberGroupMapper groups;
    private final LeaderboardMirror mirror;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    ChangingMemberGroups(
            MemberWrites members,
            MemberMapper memberRows,
            MemberGroupMapper groups,
            LeaderboardMirror mirror,
            IdempotentExecutor idempotent,
            Clock clock) {
        this.members = members;
        this.memberRows = memberRows;
        this.groups = groups;
        this.mirror = mirror;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public MemberGroups change(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        return idempotent.execute(key, "SetMemberGroups", c, MemberGroups.class, () -> apply(c));
    }

    public MemberGroups list(String memberId) {
        Validation v = new Validation();
        v.memberId(memberId, "member_id");
        v.throwIfInvalid();
        long id = MemberId.of(memberId);
        if (memberRows.selectById(id) == null) {
            throw new NotFound("member " + id);
        }
        return new MemberGroups(id, List.copyOf(new TreeSet<>(groups.groupsOf(id))));
    }

    private MemberGroups apply(Command c) {
        MemberChange change = members.begin(MemberId.of(c.memberId()), clock.instant());
        long memberId = change.memberId();
        TreeSet<String> current = new TreeSet<>(groups.groupsOf(memberId));
        List<String> added = new ArrayList<>();
        for (String g : new LinkedHashSet<>(c.add())) {
            if (!current.contains(g)) {
                added.add(g);
            }
        }
        List<String> removed = new LinkedHashSet<>(c.remove())
                .stream().filter(current::contains).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return new MemberGroups(memberId, List.copyOf(current));
        }
        int after = current.size() + added.size() - removed.size();
        if (after > GroupIds.MAX_PER_MEMBER) {
            throw new RuleRejected(
                    "TOO_MANY_GROUPS",
                    "a member belongs to at most " + GroupIds.MAX_PER_MEMBER + " groups; this change would make "
                            + after);
        }
        long now = change.now().toEpochMilli();
        for (String g : added) {
            groups.add(memberId, g, now);
            current.add(g);
        }
        for (String g : removed) {
            groups.remove(memberId, g);
            current.remove(g);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("added_group_ids", added);
        payload.put("removed_group_ids", removed);
        payload.put("group_ids", List.copyOf(current));
        change.emit(EventType.GROUPS_CHANGED, payload);
        mirror.groupsChanged(change);
        members.commit(change);
        return new MemberGroups(memberId, List.copyOf(current));
    }
}
