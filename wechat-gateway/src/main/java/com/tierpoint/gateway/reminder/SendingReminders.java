package com.tierpoint.gateway.reminder;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.tierpoint.gateway.api.WeChatErrors;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.events.EventHandler.RetryLater;
import com.tierpoint.gateway.member.ProgramCache;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.Tier;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one reminder as a subscription message, or decides not to, under the rules every
 * reminder follows whatever triggered it:
 *
 * <ol>
 *   <li>too old for its template's {@code max-delay}: dropped;
 *   <li>quiet hours: held ({@link RetryLater} until they end), never dropped for it;
 *   <li>claimed once ({@link ReminderLedger}): a reminder already claimed is never sent again;
 *   <li>the member's daily cap, then a local quota of the template, both taken atomically;
 *   <li>sent with WxJava. WeChat's 43101 (the user has no quota there) zeroes the local quota and
 *       is final; busy (-1), limit (45009), token (40001, after WxJava's own refresh and retry)
 *       and I/O failures give quota, cap slot and claim back and ask for a retry with backoff.
 * </ol>
 *
 * <p>Metrics: {@code tierpoint.gateway.reminders.sent} (tag {@code template}: the event type) and
 * {@code tierpoint.gateway.reminders.skipped} (tag {@code reason}).
 */
public final class SendingReminders {

    private static final Logger log = LoggerFactory.getLogger(SendingReminders.class);
    private static final Duration SHORTEST_HOLD = Duration.ofMillis(50);

    /** One reminder to consider. {@code key} names it for deduplication, e.g. {@code event:42}. */
    record Reminder(String key, String memberId, String templateKey, Instant occurredAt, Map<String, String> values) {}

    /** What became of a reminder: sent, or skipped with a reason. */
    record Result(boolean sent, String reason) {
        static final Result SENT = new Result(true, "sent");

        static Result skipped(String reason) {
            return new Result(false, reason);
        }
    }

    private final ReminderProperties props;
    private final QuietHours quietHours;
    private final MessageFields fields;
    private final CoreClient core;
    private final WxMaService wechat;
    private final SubscriptionQuotas quotas;
    private final ReminderLedger ledger;
    private final ProgramCache program;
    private final Clock clock;
    private final MeterRegistry meters;

    SendingReminders(
            ReminderProperties props,
            CoreClient core,
            WxMaService wechat,
            SubscriptionQuotas quotas,
            ReminderLedger ledger,
            ProgramCache program,
            Clock clock,
            MeterRegistry meters) {
        this.props = props;
        this.quietHours = QuietHours.parse(props.quietHours(), props.zone());
        this.fields = new MessageFields(props.zone());
        this.core = core;
        this.wechat = wechat;
        this.quotas = quotas;
        this.ledger = ledger;
        this.program = program;
        this.clock = clock;
        this.meters = meters;
    }

    /** When the quiet hours {@code now} is in end; empty outside quiet hours. */
    Optional<Instant> quietUntil(Instant now) {
        return quietHours.endOf(now);
    }

    Result send(Reminder r) throws RetryLater {
        ReminderProperties.Template template = props.templates().get(r.templateKey());
        if (template == null) {
            return skipped(r, "no_template");
        }
        Instant now = clock.instant();
        if (r.occurredAt().plus(template.maxDelay()).isBefore(now)) {
            return skipped(r, "too_late");
        }
        Optional<Instant> quietEnd = quietHours.endOf(now);
        if (quietEnd.isPresent()) {
            Duration wait = Duration.between(now, quietEnd.get());
            throw RetryLater.in(max(SHORTEST_HOLD, min(wait, props.holdPoll())), "quiet hours until " + quietEnd.get());
        }
        Member member;
        try {
            member = core.members()
                    .getMember(GetMemberRequest.newBuilder()
                            .setMember(MemberRef.newBuilder().setMemberId(r.memberId()))
                            .build());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return skipped(r, "no_member");
            }
            throw new RetryLater("core: " + e.getStatus().getCode(), e);
        }
        String openid = member.getIdentity().getOpenid();
        if (openid.isBlank()) {
            return skipped(r, "no_openid");
        }
        if (!ledger.claim(r.key())) {
            return skipped(r, "duplicate");
        }
        LocalDate day = now.atZone(props.zone()).toLocalDate();
        boolean slot = false;
        boolean quota = false;
        try {
            if (!ledger.takeDailySlot(r.memberId(), day, props.dailyCap())) {
                return settled(r, "daily_cap");
            }
            slot = true;
            if (!quotas.spend(r.memberId(), template.templateId())) {
                undo(r, day, true, false, false);
                return settled(r, "no_quota");
            }
            quota = true;
            wechat.getSubscribeService().sendSubscribeMsg(message(template, openid, values(r.values(), member)));
        } catch (WxErrorException e) {
            int code = e.getError() == null ? WeChatErrors.BUSY : e.getError().getErrorCode();
            if (code == WeChatErrors.NO_SUBSCRIPTION_QUOTA) {
                undo(r, day, slot, false, false);
                uninterruptibly(() -> quotas.clear(r.memberId(), template.templateId()));
                return settled(r, "wechat_no_quota");
            }
            if (WeChatErrors.transientError(e)) {
                undo(r, day, slot, quota, true);
                throw new RetryLater("WeChat errcode " + code, e);
            }
            undo(r, day, slot, quota, false);
            log.warn(
                    "reminder {} ({}) refused by WeChat: errcode {} {}",
                    r.key(),
                    r.templateKey(),
                    code,
                    e.getError() == null ? "" : e.getError().getErrorMsg());
            return settled(r, "refused_" + code);
        } catch (RuntimeException e) {
            // WeChat unreachable (WxJava reports I/O failures unchecked), Redis trouble, or the
            // consumer being stopped mid-call: nothing was sent, so the reminder must stay sendable
            undo(r, day, slot, quota, true);
            throw new RetryLater("not sent: " + e.getMessage(), e);
        }
        uninterruptibly(() -> ledger.settle(r.key(), "sent"));
        Counter.builder("tierpoint.gateway.reminders.sent")
                .tag("template", r.templateKey())
                .register(meters)
                .increment();
        log.info("reminder {} ({}) sent to member {}", r.key(), r.templateKey(), r.memberId());
        return Result.SENT;
    }

    /**
     * Gives back what a reminder that was not sent took. Runs even when the consumer is being
     * stopped (its thread interrupted): a claim left behind would suppress the reminder for good.
     */
    private void undo(Reminder r, LocalDate day, boolean slot, boolean quota, boolean release) {
        String templateId = props.templates().get(r.templateKey()).templateId();
        uninterruptibly(() -> {
            if (slot) {
                ledger.returnDailySlot(r.memberId(), day);
            }
            if (quota) {
                quotas.giveBack(r.memberId(), templateId);
            }
            if (release) {
                ledger.release(r.key());
            }
        });
    }

    private static void uninterruptibly(Runnable action) {
        boolean interrupted = Thread.interrupted();
        try {
            action.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private WxMaSubscribeMessage message(
            ReminderProperties.Template template, String openid, Map<String, String> values) {
        WxMaSubscribeMessage m = new WxMaSubscribeMessage();
        m.setToUser(openid);
        m.setTemplateId(template.templateId());
        m.setPage(template.page());
        m.setMiniprogramState(props.miniprogramState());
        m.setLang("zh_CN");
        fields.render(template.data(), values).forEach((k, v) -> m.addData(new WxMaSubscribeMessage.MsgData(k, v)));
        return m;
    }

    /** The trigger's values plus what the member looks like now, and tier names for tier codes. */
    private Map<String, String> values(Map<String, String> given, Member member) {
        Map<String, String> v = new LinkedHashMap<>(given);
        v.putIfAbsent("member.nickname", member.getNickname());
        v.putIfAbsent("member.tier_name", member.getTier().getName());
        v.putIfAbsent("member.points", String.valueOf(member.getPointsAvailable()));
        v.putIfAbsent("member.growth_value", String.valueOf(member.getGrowthValue()));
        for (String codeKey : new String[] {"tier", "from_tier", "to_tier"}) {
            String code = v.get(codeKey);
            if (code != null && !code.isBlank() && !v.containsKey(codeKey + "_name")) {
                v.put(codeKey + "_name", tierName(code));
            }
        }
        return v;
    }

    private String tierName(String code) {
        try {
            return program.get().getTiersList().stream()
                    .filter(t -> t.getCode().equals(code))
                    .map(Tier::getName)
                    .findFirst()
                    .orElse(code);
        } catch (StatusRuntimeException e) {
            return code;
        }
    }

    private Result settled(Reminder r, String reason) {
        uninterruptibly(() -> ledger.settle(r.key(), "skipped:" + reason));
        return skipped(r, reason);
    }

    private Result skipped(Reminder r, String reason) {
        Counter.builder("tierpoint.gateway.reminders.skipped")
                .tag("reason", reason.startsWith("refused_") ? "refused" : reason)
                .register(meters)
                .increment();
        log.debug("reminder {} ({}) for member {} skipped: {}", r.key(), r.templateKey(), r.memberId(), reason);
        return Result.skipped(reason);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
