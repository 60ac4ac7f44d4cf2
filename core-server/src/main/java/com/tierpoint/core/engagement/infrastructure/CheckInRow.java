package com.tierpoint.core.engagement.infrastructure;

import com.tierpoint.core.engagement.model.CheckIn;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code check_in}; the day is "YYYY-MM-DD" in the program's zone. */
public class CheckInRow {
    public Long memberId;
    public String checkInDay;
    public Integer streak;
    public Long points;
    public Long growth;
    public Long earnTxnId;
    public Long checkedInAt;

    public static CheckInRow of(long memberId, CheckIn c) {
        CheckInRow r = new CheckInRow();
        r.memberId = memberId;
        r.checkInDay = c.day().toString();
        r.streak = c.streak();
        r.points = c.points();
        r.growth = c.growth();
        r.earnTxnId = c.earnTransactionId();
        r.checkedInAt = c.checkedInAt().toEpochMilli();
        return r;
    }

    public CheckIn toCheckIn() {
        return new CheckIn(
                LocalDate.parse(checkInDay), streak, points, growth, earnTxnId, Instant.ofEpochMilli(checkedInAt));
    }
}
