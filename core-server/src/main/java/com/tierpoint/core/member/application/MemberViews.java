package com.tierpoint.core.member.application;

import com.tierpoint.core.cache.MemberViewCache;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.order.infrastructure.OrderMapper;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.points.model.BalanceSummary;
import com.tierpoint.core.points.model.Lot;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Condition;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Member views: from the cache when it holds one for the current program that time has not
 * overtaken, otherwise built from MySQL and offered to the cache (which keeps it only if no
 * newer version got there first).
 */
@Component
public class MemberViews {

    private final MemberMapper members;
    private final LotMapper lots;
    private final OrderMapper orders;
    private final ProgramStore programs;
    private final MemberViewCache cache;
    private final Clock clock;
    private final Duration maxAge;

    MemberViews(
            MemberMapper members,
            LotMapper lots,
            OrderMapper orders,
            ProgramStore programs,
            MemberViewCache cache,
            Clock clock,
            @Value("${tierpoint.cache.member-view-ttl:5m}") Duration maxAge) {
        this.members = members;
        this.lots = lots;
        this.orders = orders;
        this.programs = programs;
        this.cache = cache;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    public Optional<MemberView> byId(long memberId) {
        Instant now = clock.instant();
        Program program = programs.current();
        Optional<MemberView> cached = cache.get(memberId);
        if (cached.isPresent() && usable(cached.get(), program, now)) {
            return cached;
        }
        MemberRow row = members.selectById(memberId);
        return Optional.ofNullable(row).map(r -> buildAndOffer(r, program, now));
    }

    /**
     * {@link #byId} when it can answer from memory alone (the near-cache holds a view that is
     * fresh under {@code program}, the one held in memory): never blocks. Empty means: ask {@link
     * #byId}.
     */
    public Optional<MemberView> heldById(long memberId, Program program) {
        Instant now = clock.instant();
        return cache.held(memberId, v -> usable(v, program, now));
    }

    public Optional<MemberView> byIdentity(String appId, String openid) {
        Optional<Long> id = cache.idForIdentity(appId, openid);
        if (id.isPresent()) {
            return byId(id.get());
        }
        MemberRow row = members.findByIdentity(appId, openid);
        if (row == null) {
            return Optional.empty();
        }
        cache.rememberIdentity(appId, openid, row.id);
        Instant now = clock.instant();
        Program program = programs.current();
        Optional<MemberView> cached = cache.get(row.id);
        if (cached.isPresent()
                && usable(cached.get(), program, now)
                && cached.get().version() >= row.version) {
            return cached;
        }
        return Optional.of(buildAndOffer(row, program, now));
    }

    private static boolean usable(MemberView view, Program program, Instant now) {
        return view.programVersion() == program.version() && now.isBefore(view.freshUntil());
    }

    private MemberView buildAndOffer(MemberRow row, Program program, Instant now) {
        MemberView view = build(row, program, now);
        Duration ttl = Duration.between(now, view.freshUntil());
        if (!ttl.isNegative() && !ttl.isZero()) {
            cache.offer(view, ttl);
        }
        return view;
    }

    /** Builds a view straight from MySQL rows. */
    public MemberView build(MemberRow row, Program program, Instant now) {
        List<Lot> open = lots.openLots(row.id).stream().map(LotRow::toLot).toList();
        BalanceSummary balance = BalanceSummary.of(open, now);
        TierDefinition tier = program.tier(row.tierCode);
        MemberMetrics metrics = new MemberMetrics(row, orders, now);
        List<Condition> shown = new ArrayList<>(program.keepRule(tier).conditions());
        program.tierAbove(tier)
                .ifPresent(next -> shown.addAll(next.upgradeRule().conditions()));
        boolean windowed = false;
        for (Condition c : shown) {
            metrics.valueOf(c.metric(), c.windowDays());
            windowed |= c.windowDays() > 0 && c.metric().windowed();
        }
        Instant freshUntil = earliest(balance.changesAt(), now.plus(maxAge));
        if (windowed) {
            // rolling windows move on continuously; a minute of lag is the price of caching them
            freshUntil = earliest(freshUntil, now.plus(Duration.ofMinutes(1)));
        }
        return new MemberView(
                row.id,
                row.appId,
                row.openid,
                row.unionid,
                row.nickname,
                row.birthday,
                tier.code(),
                Instant.ofEpochMilli(row.tierSince),
                row.tierValidUntil == null ? null : Instant.ofEpochMilli(row.tierValidUntil),
                balance.available(),
                balance.pending(),
                balance.expiringSoonest(),
                row.growthValue,
                row.totalSpendFen,
                row.orderCount,
                row.validInvites,
                Instant.ofEpochMilli(row.enrolledAt),
                row.version,
                program.version(),
                metrics.measured(),
                freshUntil,
                row.phone);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
