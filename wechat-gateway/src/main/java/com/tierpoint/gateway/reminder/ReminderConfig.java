package com.tierpoint.gateway.reminder;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.events.EventStream;
import com.tierpoint.gateway.events.EventStreamProperties;
import com.tierpoint.gateway.member.ProgramCache;
import com.tierpoint.gateway.wechat.WeChatProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Subscription-message reminders: the quotas members grant, the consumer of the core's events
 * that turns them into messages, and the streak-at-risk poller. Refuses to start with sandbox
 * template ids against the real WeChat, or with a template that has no id.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class ReminderConfig {

    private static final Logger log = LoggerFactory.getLogger(ReminderConfig.class);

    @Bean
    SubscriptionQuotas subscriptionQuotas(StringRedisTemplate redis) {
        return new SubscriptionQuotas(redis);
    }

    @Bean
    ReminderLedger reminderLedger(StringRedisTemplate redis) {
        return new ReminderLedger(redis);
    }

    @Bean
    SendingReminders sendingReminders(
            ReminderProperties props,
            WeChatProperties wechat,
            CoreClient core,
            WxMaService wxMaService,
            SubscriptionQuotas quotas,
            ReminderLedger ledger,
            ProgramCache program,
            Clock clock,
            MeterRegistry meters) {
        check(props, wechat);
        return new SendingReminders(props, core, wxMaService, quotas, ledger, program, clock, meters);
    }

    @Bean
    StreakWatch streakWatch(
            ReminderProperties props,
            SendingReminders sender,
            CoreClient core,
            StringRedisTemplate redis,
            Clock clock) {
        return new StreakWatch(props, sender, core, redis, clock);
    }

    @Bean
    ReminderStream reminderStream(
            ReminderProperties props,
            EventStreamProperties streams,
            SendingReminders sender,
            StreakWatch streaks,
            CoreClient core,
            StringRedisTemplate redis,
            MeterRegistry meters,
            Clock clock) {
        if (!props.enabled()) {
            log.info("subscription reminders are off (tierpoint.reminders.enabled=false)");
            return new ReminderStream(null);
        }
        List<String> types = new ArrayList<>();
        props.templates().keySet().stream()
                .filter(t -> !t.equals(ReminderProperties.STREAK_AT_RISK))
                .forEach(types::add);
        if (streaks.active()) {
            types.add(ReminderEvents.CHECKIN_DONE);
        }
        if (types.isEmpty()) {
            log.info("subscription reminders: no templates configured (tierpoint.reminders.templates)");
            return new ReminderStream(null);
        }
        log.info(
                "subscription reminders on for {} (quiet hours {}, at most {} a day per member)",
                types,
                QuietHours.parse(props.quietHours(), props.zone()),
                props.dailyCap());
        return new ReminderStream(new EventStream(
                core,
                redis,
                meters,
                props.consumer(),
                types,
                streams.start(),
                new ReminderEvents(sender, streaks),
                clock,
                streams.settings()));
    }

    private static void check(ReminderProperties props, WeChatProperties wechat) {
        QuietHours.parse(props.quietHours(), props.zone());
        if (props.dailyCap() < 1) {
            throw new IllegalStateException("tierpoint.reminders.daily-cap must be at least 1");
        }
        props.templates().forEach((type, t) -> {
            String where = "tierpoint.reminders.templates[" + type + "]";
            if (t.templateId() == null || t.templateId().isBlank()) {
                throw new IllegalStateException(where + ".template-id is missing");
            }
            if (props.enabled() && !wechat.sandbox().enabled() && t.templateId().startsWith("sandbox-")) {
                throw new IllegalStateException(where + ".template-id is a sandbox id ('" + t.templateId()
                        + "'): set the brand's template id from the mini-program console,"
                        + " or tierpoint.reminders.enabled=false");
            }
            MessageFields.validate(where, t.data());
        });
    }
}
