package com.tierpoint.core.member.application;

import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Condition;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.core.program.model.TierRule;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** GetMember and GetTierProgress. */
@Service
public class ReadingMember {

    /** By member id, or by WeChat identity when memberId is null. */
    public record Query(String memberId, String appId, String openid) {

        public void validate() {
            Validation v = new Validation();
            if (memberId != null) {
                v.memberId(memberId, "member.member_id");
            } else if (appId == null && openid == null) {
                v.add(new com.tierpoint.core.shared.model.FieldViolation(
                        "member", "a member_id or an identity is required"));
            } else {
                v.notBlank(appId, "member.identity.app_id", 64);
                v.notBlank(openid, "member.identity.openid", 128);
            }
            v.throwIfInvalid();
        }
    }

    private final MemberViews views;
    private final ProgramStore programs;

    ReadingMember(MemberViews views, ProgramStore programs) {
        this.views = views;
        this.programs = programs;
    }

    public MemberView member(Query q) {
        q.validate();
        return (q.memberId() != null ? views.byId(MemberId.of(q.memberId())) : views.byIdentity(q.appId(), q.openid()))
                .orElseThrow(() -> new NotFound("member"));
    }

    /**
     * {@link #member} when it can be answered from memory without blocking (by member id, view
     * held by this instance and fresh under {@code program}, the one held in memory); empty
     * otherwise. Bad input is refused here as there.
     */
    public Optional<MemberView> memberIfHeld(Query q, Program program) {
        q.validate();
        return q.memberId() == null ? Optional.empty() : views.heldById(MemberId.of(q.memberId()), program);
    }

    public TierProgressView tierProgress(Query q) {
        MemberView m = member(q);
        Program program = programs.current();
        TierDefinition current = program.tier(m.tierCode());
        TierDefinition next = program.tierAbove(current).orElse(null);
        List<TierProgressView.MetricProgress> nextReqs =
                next == null ? List.of() : progress(next.upgradeRule(), m.metrics());
        TierProgressView.Retention retention = null;
        TierRule keep = program.keepRule(current);
        if (!keep.isEmpty() && m.tierValidUntil() != null) {
            List<TierProgressView.MetricProgress> reqs = progress(keep, m.metrics());
            boolean met = keep.combinator() == TierRule.Combinator.ALL
                    ? reqs.stream().allMatch(TierProgressView.MetricProgress::met)
                    : reqs.stream().anyMatch(TierProgressView.MetricProgress::met);
            retention = new TierProgressView.Retention(keep.combinator(), reqs, m.tierValidUntil(), met);
        }
        return new TierProgressView(
                current,
                m.tierValidUntil(),
                next,
                next == null ? null : next.upgradeRule().combinator(),
                nextReqs,
                retention);
    }

    private static List<TierProgressView.MetricProgress> progress(TierRule rule, Map<String, Long> metrics) {
        return rule.conditions().stream()
                .map((Condition c) -> new TierProgressView.MetricProgress(
                        c.metric(),
                        metrics.getOrDefault(MemberMetrics.key(c.metric(), c.windowDays()), 0L),
                        c.threshold(),
                        c.windowDays()))
                .toList();
    }
}
