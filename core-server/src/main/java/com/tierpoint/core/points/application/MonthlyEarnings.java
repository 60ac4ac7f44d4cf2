package com.tierpoint.core.points.application;

import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.points.infrastructure.MonthlyPointsMapper;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
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
    private final List<Listener> listeners;

    MonthlyEarnings(MonthlyPointsMapper totals, List<Listener> listeners) {
        this.totals = totals;
        this.listeners = listeners;
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
