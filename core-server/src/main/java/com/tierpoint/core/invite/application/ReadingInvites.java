package com.tierpoint.core.invite.application;

import com.tierpoint.core.invite.infrastructure.InvitationMapper;
import com.tierpoint.core.invite.infrastructure.InvitationRow;
import com.tierpoint.core.invite.infrastructure.InviteRewardMapper;
import com.tierpoint.core.invite.infrastructure.InviteRewardRow;
import com.tierpoint.core.invite.model.InviteeMask;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.program.model.InviteRule;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** ListInvites: an inviter's invitees, newest first, masked, straight from MySQL. */
@Service
public class ReadingInvites {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    public record Page(List<InvitedFriendView> invites, String nextPageToken) {}

    private final MemberMapper members;
    private final InvitationMapper invitations;
    private final InviteRewardMapper rewards;
    private final Clock clock;

    ReadingInvites(MemberMapper members, InvitationMapper invitations, InviteRewardMapper rewards, Clock clock) {
        this.members = members;
        this.invitations = invitations;
        this.rewards = rewards;
        this.clock = clock;
    }

    public Page invitesOf(String memberId, int pageSize, String pageToken) {
        Validation v = new Validation();
        v.memberId(memberId, "member_id");
        v.require(pageSize >= 0 && pageSize <= MAX_PAGE, "page_size", "must be between 0 and " + MAX_PAGE);
        Long before = Long.MAX_VALUE;
        if (pageToken != null && !pageToken.isEmpty()) {
            before = MemberId.parse(pageToken);
            v.require(before != null, "page_token", "is not a token from a previous page");
        }
        v.throwIfInvalid();
        long inviterId = MemberId.of(memberId);
        if (members.selectById(inviterId) == null) {
            throw new NotFound("member " + memberId);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE : pageSize;
        List<InvitationRow> rows = invitations.page(inviterId, before, size + 1);
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        if (rows.isEmpty()) {
            return new Page(List.of(), "");
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        Map<Long, MemberRow> invitees = members
                .selectBatchIds(rows.stream().map(r -> r.inviteeId).toList())
                .stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        Map<Long, List<InviteRewardRow>> rewardsOf = new HashMap<>();
        for (InviteRewardRow r : rewards.ofInvitations(ids)) {
            rewardsOf.computeIfAbsent(r.invitationId, k -> new ArrayList<>()).add(r);
        }
        Instant now = clock.instant();
        List<InvitedFriendView> page = new ArrayList<>();
        for (InvitationRow r : rows) {
            MemberRow invitee = invitees.get(r.inviteeId);
            page.add(new InvitedFriendView(
                    r.id,
                    InviteeMask.nickname(invitee == null ? null : invitee.nickname),
                    InviteeMask.memberId(r.inviteeId),
                    Instant.ofEpochMilli(r.acceptedAt),
                    InviteRule.Stage.valueOf(r.stage),
                    r.countedValid,
                    r.withheld,
                    rewardsOf.getOrDefault(r.id, List.of()).stream()
                            .map(x -> RewardView.of(x, now))
                            .toList()));
        }
        return new Page(page, more ? String.valueOf(rows.get(rows.size() - 1).id) : "");
    }
}
