package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.points.infrastructure.MonthlyPointsMapper;
import com.tierpoint.core.points.infrastructure.PointsBatchDao;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code points_month}, the points each member earned per month of the program's zone (the
 * month of the change: an earn counts in the month it was granted, a reversal of an earn counts
 * against the month it was made in). Written by {@link PointsLedger} in the transaction of the
 * ledger line, under the member's lock, so the totals are exactly the ledger's.
 */
@Component
public class MonthlyEarnings {

    /** Told, inside the transaction, that a member's total of a month changed. */
    public interface Listener {
        void monthlyTotalChanged(MemberChange change, YearMonth month);
    }

    private final MonthlyPointsMapper totals;
    private final PointsBatchDao batches;
    private final List<Listener> listeners;

    MonthlyEarnings(MonthlyPointsMapper totals, PointsBatchDao batches, List<Listener> listeners) {
        this.totals = totals;
        this.batches = batches;
        this.listeners = listeners;
    }

    /** A change to a member's monthly total, in a batch: see {@link #addAll}. */
    record Delta(MemberChange change, long points) {}

    /**
     * {@link #add} for the changes of a batch: one statement for all their (member, month) totals,
     * added to {@code writes}.
     */
    void addAll(List<Delta> deltas, ZoneId zone, RoundTrip writes) {
        Map<List<Object>, Long> sums = new LinkedHashMap<>();
        Map<List<Object>, MemberChange> last = new LinkedHashMap<>();
        long now = 0;
        for (Delta d : deltas) {
            YearMonth month = YearMonth.from(d.change().now().atZone(zone));
            List<Object> key = List.of(d.change().memberId(), month);
            sums.merge(key, d.points(), Long::sum);
            last.put(key, d.change());
            now = Math.max(now, d.change().now().toEpochMilli());
        }
        List<PointsBatchDao.MonthDelta> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            if (sum != 0) {
                rows.add(new PointsBatchDao.MonthDelta(
                        (Long) key.get(0), key.get(1).toString(), sum));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        batches.addMonthly(writes, rows, now);
        last.forEach((key, change) -> {
            for (Listener l : listeners) {
                l.monthlyTotalChanged(change, (YearMonth) key.get(1));
            }
        });
    }

    void add(MemberChange change, long delta, ZoneId zone) {
        if (delta == 0) {
            return;
        }
        YearMonth month = YearMonth.from(change.now().atZone(zone));
        totals.add(change.memberId(), month.toString(), delta, change.now().toEpochMilli());
        for (Listener l : listeners) {
            l.monthlyTotalChanged(change, month);
        }
    }
}
