package com.tierpoint.gateway.reminder;

import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.events.EventHandler.RetryLater;
import com.tierpoint.proto.v1.CheckInCalendar;
import com.tierpoint.proto.v1.GetCheckInCalendarRequest;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The streak-at-risk reminder (连续签到即将中断). A check-in on day D schedules a look at day D+1
 * at the configured local time (20:00) in the Redis sorted set {@code tp:gw:streak-due}
 * (member {@code <memberId>|<D+1>}, score: when, by the injected clock). A poller takes due
 * entries atomically (one Lua script reads and removes them, so two gateways never both take
 * one), asks the core for the member's calendar, and when the member has not checked in that
 * day and the streak reached the minimum, sends the {@code checkin.streak_at_risk} template under
 * the same rules as every reminder (deduplicated per member and day).
 */
final class StreakWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreakWatch.class);
    static final String DUE = "tp:gw:streak-due";
    private static final int BATCH = 100;
    private static final DefaultRedisScript<List> TAKE_DUE = new DefaultRedisScript<>(
            "local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2])) "
                    + "for _, m in ipairs(due) do redis.call('ZREM', KEYS[1], m) end return due",
            List.class);

    private final ReminderProperties props;
    private final SendingReminders sender;
    private final CoreClient core;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    StreakWatch(
            ReminderProperties props,
            SendingReminders sender,
            CoreClient core,
            StringRedisTemplate redis,
            Clock clock) {
        this.props = props;
        this.sender = sender;
        this.core = core;
        this.redis = redis;
        this.clock = clock;
    }

    boolean active() {
        return props.enabled()
                && props.streak().enabled()
                && props.templates().containsKey(ReminderProperties.STREAK_AT_RISK);
    }

    /** A {@code checkin.done} payload: schedule the look at the next day. Idempotent. */
    void checkedIn(String memberId, Map<String, String> payload) {
        String day = payload.get("day");
        if (day == null || !active()) {
            return;
        }
        LocalDate next = LocalDate.parse(day).plusDays(1);
        Instant due = next.atTime(props.streak().at()).atZone(props.zone()).toInstant();
        redis.opsForZSet().add(DUE, memberId + "|" + next, due.toEpochMilli());
    }

    /** Takes every due check and handles it; returns how many were taken. */
    @SuppressWarnings("unchecked")
    int poll() {
        Instant now = clock.instant();
        List<Object> due =
                redis.execute(TAKE_DUE, List.of(DUE), String.valueOf(now.toEpochMilli()), String.valueOf(BATCH));
        if (due == null) {
            return 0;
        }
        for (Object entry : due) {
            String[] parts = entry.toString().split("\\|");
            check(parts[0], LocalDate.parse(parts[1]), entry.toString(), now);
        }
        return due.size();
    }

    private void check(String memberId, LocalDate day, String entry, Instant now) {
        Optional<Instant> quietEnd = sender.quietUntil(now);
        if (quietEnd.isPresent()) {
            redis.opsForZSet().add(DUE, entry, quietEnd.get().toEpochMilli());
            return;
        }
        try {
            CheckInCalendar cal = core.engagement()
                    .getCheckInCalendar(GetCheckInCalendarRequest.newBuilder()
                            .setMemberId(memberId)
                            .setMonth(day.toString().substring(0, 7))
                            .build());
            if (!cal.getToday().equals(day.toString())
                    || cal.getCheckedInToday()
                    || cal.getCurrentStreak() < props.streak().minStreak()) {
                return;
            }
            Instant dueAt = day.atTime(props.streak().at()).atZone(props.zone()).toInstant();
            sender.send(new SendingReminders.Reminder(
                    "streak:" + memberId + ":" + day,
                    memberId,
                    ReminderProperties.STREAK_AT_RISK,
                    dueAt,
                    Map.of("streak", String.valueOf(cal.getCurrentStreak()), "day", day.toString())));
        } catch (RetryLater | StatusRuntimeException e) {
            log.info("streak check {} postponed: {}", entry, e.getMessage());
            redis.opsForZSet().add(DUE, entry, now.toEpochMilli());
        }
    }

    @Override
    public void start() {
        if (!active()) {
            return;
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "streak-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = props.streak().poll().toMillis();
        ex.scheduleWithFixedDelay(this::pollSafely, ms, ms, TimeUnit.MILLISECONDS);
        executor = ex;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("streak poll failed; trying again in {}", props.streak().poll(), e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdownNow();
            try {
                ex.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
