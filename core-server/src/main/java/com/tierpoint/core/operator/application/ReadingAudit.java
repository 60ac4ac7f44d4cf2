package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.infrastructure.AuditMapper;
import com.tierpoint.core.operator.infrastructure.AuditRow;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.Validation;
import java.util.List;
import org.springframework.stereotype.Service;

/** ListAudit: newest first, optionally by actor, member and action, keyset paged by id. */
@Service
public class ReadingAudit {

    /** Empty strings = no filter. */
    public record Query(String actorUserId, String memberId, String action, int pageSize, String pageToken) {}

    public record Page(List<AuditEntryView> entries, String nextPageToken) {}

    private final AuditMapper audit;

    ReadingAudit(AuditMapper audit) {
        this.audit = audit;
    }

    public Page list(Query q) {
        Validation v = new Validation();
        if (!q.actorUserId().isEmpty()) {
            OperatorIds.validate(q.actorUserId(), "actor_user_id", v);
        }
        if (!q.memberId().isEmpty()) {
            v.memberId(q.memberId(), "member_id");
        }
        v.maxLength(q.action(), "action", 64);
        v.require(q.pageSize() >= 0 && q.pageSize() <= 100, "page_size", "must be 1 to 100 (0 = 20)");
        Long before = null;
        if (!q.pageToken().isEmpty()) {
            before = MemberId.parse(q.pageToken());
            v.require(before != null, "page_token", "is not a token from a previous page");
        }
        v.throwIfInvalid();
        int size = q.pageSize() == 0 ? 20 : q.pageSize();
        List<AuditRow> rows = audit.page(
                before,
                q.actorUserId().isEmpty() ? null : q.actorUserId(),
                q.memberId().isEmpty() ? null : MemberId.of(q.memberId()),
                q.action().isEmpty() ? null : q.action(),
                size + 1);
        List<AuditEntryView> entries =
                rows.stream().limit(size).map(Auditing::view).toList();
        String next = rows.size() > size ? String.valueOf(entries.get(size - 1).auditId()) : "";
        return new Page(entries, next);
    }
}
