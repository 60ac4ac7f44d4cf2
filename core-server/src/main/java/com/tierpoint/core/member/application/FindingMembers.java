package com.tierpoint.core.member.application;

import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.member.model.Phone;
import com.tierpoint.core.shared.model.FieldViolation;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.Validation;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** FindMembers: the operator console's lookup by member id, phone, WeChat identity or unionid. */
@Service
public class FindingMembers {

    public static final int MAX_RESULTS = 20;

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
}
