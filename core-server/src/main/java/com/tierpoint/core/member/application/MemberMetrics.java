package com.tierpoint.core.member.application;

import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.program.model.Metric;
import com.tierpoint.core.program.model.MetricSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A member's metrics as of {@code now}: lifetime values come from the member row's counters,
 * rolling windows are summed from the member's orders (once per metric and window).
 */
public final class MemberMetrics implements MetricSource {

    private final MemberRow member;
    private final OrderMapper orders;
    private final Instant now;
    private final Map<String, Long> measured = new HashMap<>();

    public MemberMetrics(MemberRow member, OrderMapper orders, Instant now) {
        this.member = member;
        this.orders = orders;
        this.now = now;
    }

    public static String key(Metric metric, int windowDays) {
        return windowDays > 0 && metric.windowed() ? metric + "/" + windowDays : metric.name();
    }

    @Override
    public long valueOf(Metric metric, int windowDays) {
        return measured.computeIfAbsent(key(metric, windowDays), k -> measure(metric, windowDays));
    }

    /** The values measured so far, keyed by {@link #key}. */
    public Map<String, Long> measured() {
        return Map.copyOf(measured);
    }

    private long measure(Metric metric, int windowDays) {
        boolean windowed = windowDays > 0 && metric.windowed();
        long since = now.minus(Duration.ofDays(windowDays)).toEpochMilli();
        return switch (metric) {
            case GROWTH_VALUE -> member.growthValue;
            case VALID_INVITES -> member.validInvites;
            case SPEND_FEN -> windowed ? orders.spendSince(member.id, since) : member.totalSpendFen;
            case ORDER_COUNT -> windowed ? orders.ordersSince(member.id, since) : member.orderCount;
        };
    }
}
