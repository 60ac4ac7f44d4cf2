package com.tierpoint.gateway.card;

import com.tierpoint.gateway.api.WeChatErrors;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.events.EventHandler;
import com.tierpoint.gateway.wechat.OfficialAccount;
import com.tierpoint.proto.v1.Event;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardActivatedMessage;
import me.chanjar.weixin.mp.bean.card.membercard.WxMpMemberCardUpdateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each member's membership card (会员卡) in the Official Account equal to the member: the
 * first event of a member activates the card (number and code = member id, bonus = points, custom
 * field 1 = tier name), every later points, tier or growth event updates bonus and tier name.
 *
 * <p>An event only says "something changed": the card is always written from the member's
 * current state read from the core, so redelivered or out-of-order events are harmless, and an
 * event whose member version is already on the card is skipped. A transient failure (WeChat busy
 * or limited, token trouble, core unavailable) holds the stream until the card is synced: no
 * change is lost. Metrics: {@code tierpoint.gateway.card.synced} and {@code .failures}.
 */
final class SyncingMemberCards implements EventHandler {

    static final List<String> TYPES = List.of(
            "member.enrolled",
            "points.earned",
            "points.redeemed",
            "points.reversed",
            "points.expired",
            "tier.upgraded",
            "tier.renewed",
            "tier.downgraded",
            "growth.changed");

    private static final Logger log = LoggerFactory.getLogger(SyncingMemberCards.class);

    private final OfficialAccount account;
    private final CoreClient core;
    private final CardSyncState state;
    private final Clock clock;
    private final Counter synced;
    private final Counter failures;

    SyncingMemberCards(
            OfficialAccount account, CoreClient core, CardSyncState state, Clock clock, MeterRegistry meters) {
        this.account = account;
        this.core = core;
        this.state = state;
        this.clock = clock;
        this.synced = Counter.builder("tierpoint.gateway.card.synced").register(meters);
        this.failures = Counter.builder("tierpoint.gateway.card.failures").register(meters);
    }

    @Override
    public void handle(Event e) throws RetryLater {
        String memberId = e.getMemberId();
        if (memberId.isEmpty()) {
            return;
        }
        Member member;
        try {
            member = core.members()
                    .getMember(GetMemberRequest.newBuilder()
                            .setMember(MemberRef.newBuilder().setMemberId(memberId))
                            .build());
        } catch (StatusRuntimeException ex) {
            if (ex.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return;
            }
            throw new RetryLater("core: " + ex.getStatus().getCode(), ex);
        }
        CardSyncState.State current = state.of(memberId);
        if (current.activated() && member.getVersion() <= current.version()) {
            return;
        }
        try {
            if (current.activated()) {
                update(member);
            } else {
                activate(member);
            }
        } catch (WxErrorException ex) {
            int code = ex.getError() == null ? WeChatErrors.BUSY : ex.getError().getErrorCode();
            failures.increment();
            state.failed(memberId, "errcode " + code, clock.instant());
            if (WeChatErrors.transientError(ex)) {
                throw new RetryLater("WeChat errcode " + code, ex);
            }
            throw new IllegalStateException("WeChat refused the card of member " + memberId + ": errcode " + code, ex);
        } catch (RuntimeException ex) {
            failures.increment();
            state.failed(memberId, "unreachable: " + ex.getMessage(), clock.instant());
            throw new RetryLater("WeChat unreachable: " + ex.getMessage(), ex);
        }
        state.synced(memberId, member.getVersion(), clock.instant());
        synced.increment();
        log.debug("card of member {} synced at version {}", memberId, member.getVersion());
    }

    private void activate(Member m) throws WxErrorException {
        WxMpMemberCardActivatedMessage a = new WxMpMemberCardActivatedMessage();
        a.setMembershipNumber(m.getMemberId());
        a.setCode(m.getMemberId());
        a.setCardId(account.cardId());
        a.setInitBonus(bonus(m));
        a.setInitCustomFieldValue1(m.getTier().getName());
        account.service().getMemberCardService().activateMemberCard(a);
    }

    private void update(Member m) throws WxErrorException {
        WxMpMemberCardUpdateMessage u = new WxMpMemberCardUpdateMessage();
        u.setCode(m.getMemberId());
        u.setCardId(account.cardId());
        u.setBonus(bonus(m));
        u.setCustomFieldValue1(m.getTier().getName());
        account.service().getMemberCardService().updateUserMemberCard(u);
    }

    /** The card's bonus (积分): the points the member can spend now. */
    private static int bonus(Member m) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, m.getPointsAvailable()));
    }
}
