package com.tierpoint.core.member.application;

import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.member.model.Phone;
import com.tierpoint.core.shared.model.FieldViolation;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * FindMembers: the operator console's lookup by member id, phone, WeChat identity or unionid; and
 * ResolveUnionids: the members of many unionids at once.
 */
@Service
public class FindingMembers {

    public static final int MAX_RESULTS = 20;
    public static final int MAX_UNIONIDS = 500;

    /** Exactly one of the keys is set (identity = appId + openid). */
    public record Query(String memberId, String phone, String appId, String openid, String unionid) {

        void validate(Validation v) {
            if (memberId != null) {
                v.memberId(memberId, "member_id");
            } else if (phone != null) {
                v.require(
                        Phone.normalize(phone).isPresent(),
                        "phone",
                        "must be a mainland China mobile number (11 digits starting with 1, optionally +86)");
            } else if (appId != null || openid != null) {
                v.notBlank(appId, "identity.app_id", 64);
                v.notBlank(openid, "identity.openid", 128);
            } else if (unionid != null) {
                v.notBlank(unionid, "unionid", 128);
            } else {
                v.add(new FieldViolation("by", "one of member_id, phone, identity or unionid is required"));
            }
        }
    }

    public record Found(List<MemberView> members, boolean truncated) {}

    private final MemberMapper members;
    private final MemberViews views;

    FindingMembers(MemberMapper members, MemberViews views) {
        this.members = members;
        this.views = views;
    }

    public Found find(Query q) {
        Validation v = new Validation();
        q.validate(v);
        v.throwIfInvalid();
        List<Long> ids;
        if (q.memberId() != null) {
            ids = List.of(MemberId.of(q.memberId()));
        } else if (q.phone() != null) {
            ids = members.idsByPhone(Phone.normalize(q.phone()).orElseThrow(), MAX_RESULTS + 1);
        } else if (q.appId() != null) {
            MemberRow row = members.findByIdentity(q.appId(), q.openid());
            ids = row == null ? List.of() : List.of(row.id);
        } else {
            ids = members.idsByUnionid(q.unionid(), MAX_RESULTS + 1);
        }
        boolean truncated = ids.size() > MAX_RESULTS;
        List<MemberView> found = ids.stream()
                .limit(MAX_RESULTS)
                .map(views::byId)
                .flatMap(Optional::stream)
                .toList();
        return new Found(found, truncated);
    }

    /**
     * The member ids carrying each unionid asked about, in the order asked (each once); a unionid
     * no member carries is left out.
     */
    public Map<String, List<Long>> resolveUnionids(List<String> unionids) {
        Validation v = new Validation();
        v.require(!unionids.isEmpty(), "unionids", "at least one unionid is required");
        v.require(unionids.size() <= MAX_UNIONIDS, "unionids", "at most " + MAX_UNIONIDS + " unionids per request");
        for (int i = 0; i < unionids.size() && i < MAX_UNIONIDS; i++) {
            v.notBlank(unionids.get(i), "unionids[" + i + "]", 128);
        }
        v.throwIfInvalid();
        Map<String, List<Long>> owners = new HashMap<>();
        for (MemberMapper.UnionidOwner o : members.ownersOfUnionids(new LinkedHashSet<>(unionids))) {
            owners.computeIfAbsent(o.unionid, u -> new ArrayList<>()).add(o.id);
        }
        Map<String, List<Long>> resolved = new LinkedHashMap<>();
        for (String u : unionids) {
            List<Long> ids = owners.get(u);
            if (ids != null) {
                resolved.putIfAbsent(u, List.copyOf(ids));
            }
        }
        return resolved;
    }
}
