package com.tierpoint.core.analytics.application;

import com.tierpoint.core.analytics.infrastructure.AnalyticsMapper;
import com.tierpoint.core.analytics.model.DayFigures;
import com.tierpoint.core.analytics.model.EventFold;
import com.tierpoint.core.events.application.EventLog;
import com.tierpoint.core.events.infrastructure.EventSequenceMapper;
import com.tierpoint.core.events.model.SequencedEvent;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.shared.infrastructure.Json;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the event stream into the daily aggregates, in sequence order. Each page is one
 * transaction that locks the aggregator's state row, reads the events after its offset, adds
 * them to the day rows and moves the offset: the rows and the offset commit together, so an
 * event is counted exactly once however runs overlap, crash or restart. It never writes to the
 * tables of the points write path.
 *
 * <p>The first fold on a database seeds the running totals (members and outstanding points per
 * tier) from the member table, consistently with the stream position it starts from.
 */
@Component
public class FoldingEvents {

    public static final int PAGE = 1000;
    /** Members active on days this far before the newest folded day are forgotten. */
    static final int ACTIVE_DAYS_KEPT = 7;

    @SuppressWarnings("unchecked")
    private static final Class<Map<String, Object>> PAYLOAD = (Class<Map<String, Object>>) (Class<?>) Map.class;

    private final AnalyticsMapper analytics;
    private final EventLog events;
    private final EventSequenceMapper sequence;
    private final ProgramStore programs;
    private final TransactionTemplate tx;
    private final Clock clock;

    FoldingEvents(
            AnalyticsMapper analytics,
            EventLog events,
            EventSequenceMapper sequence,
            ProgramStore programs,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.analytics = analytics;
        this.events = events;
        this.sequence = sequence;
        this.programs = programs;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Folds up to {@code budget} events (in pages).
     *
     * @return how many events were folded; fewer than the budget means it caught up
     */
    public int foldUpTo(int budget) {
        int folded = 0;
        ZoneId zone = programs.current().zone();
        while (folded < budget) {
            int page = Math.min(PAGE, budget - folded);
            Integer n = tx.execute(s -> foldPage(page, zone));
            folded += n == null ? 0 : n;
            if (n == null || n < page) {
                break;
            }
        }
        return folded;
    }

    /** Folds everything sequenced so far (tests and measurement). */
    public int catchUp() {
        int total = 0;
        int n;
        do {
            n = foldUpTo(PAGE * 10);
            total += n;
        } while (n == PAGE * 10);
        return total;
    }

    private int foldPage(int limit, ZoneId zone) {
        AnalyticsMapper.State state = analytics.lockState();
        if (!state.seeded) {
            seed(zone);
            return 0;
        }
        long head = events.head();
        List<SequencedEvent> page = events.read(state.foldedSeq, head, List.of(), limit);
        if (page.isEmpty()) {
            return 0;
        }
        Set<Long> skips = new HashSet<>(analytics.skips());
        EventFold fold = new EventFold();
        Long asOf = null;
        for (SequencedEvent e : page) {
            if (skips.contains(e.id())) {
                analytics.removeSkip(e.id());
                continue;
            }
            LocalDate day = e.occurredAt().atZone(zone).toLocalDate();
            fold.add(e.type(), e.memberId(), day, Json.read(e.payloadJson(), PAYLOAD));
            asOf = asOf == null
                    ? e.occurredAt().toEpochMilli()
                    : Math.max(asOf, e.occurredAt().toEpochMilli());
        }
        write(fold);
        analytics.advance(page.get(page.size() - 1).seq(), asOf);
        return page.size();
    }

    private void write(EventFold fold) {
        Map<LocalDate, DayFigures> days = new TreeMap<>(fold.days());
        Map<LocalDate, Set<Long>> activeByDay = new TreeMap<>();
        for (EventFold.Active a : fold.active()) {
            activeByDay.computeIfAbsent(a.day(), d -> new TreeSet<>()).add(a.memberId());
        }
        for (Map.Entry<LocalDate, Set<Long>> a : activeByDay.entrySet()) {
            int added = analytics.addActive(a.getKey().toString(), a.getValue());
            days.computeIfAbsent(a.getKey(), d -> new DayFigures()).activeMembers += added;
        }
        days.forEach((day, figures) -> analytics.addDay(day.toString(), figures));
        fold.tierDeltas().forEach((td, delta) -> {
            if (delta != 0) {
                analytics.addTier(td.day().toString(), td.tierCode(), delta);
            }
        });
        fold.moves().forEach((m, n) -> analytics.addMove(m.day().toString(), m.fromTier(), m.toTier(), n));
        activeByDay.keySet().stream()
                .max(LocalDate::compareTo)
                .ifPresent(newest -> analytics.purgeActiveBefore(
                        newest.minusDays(ACTIVE_DAYS_KEPT).toString(), 10_000));
    }

    /**
     * Takes the starting point: the sequence lock keeps sequencers from moving the stream while
     * the member table is read, so every event up to the head is in the member rows, and so is
     * every committed event still without a sequence (those are skipped when they arrive). The
     * member rows and the unsequenced events are read by one statement, as of one moment: a write
     * committing between two reads would otherwise be counted in neither.
     */
    private void seed(ZoneId zone) {
        long head = sequence.lockLast();
        long members = 0;
        long outstanding = 0;
        Map<String, Long> perTier = new HashMap<>();
        for (AnalyticsMapper.SeedRow r : analytics.seedReading()) {
            if (r.tierCode == null) {
                analytics.addSkip(r.eventId);
                continue;
            }
            perTier.put(r.tierCode, r.members);
            members += r.members;
            outstanding += r.points;
        }
        perTier.forEach(analytics::addBaseTier);
        analytics.seed(head, clock.instant().atZone(zone).toLocalDate().toString(), members, outstanding);
    }
}
