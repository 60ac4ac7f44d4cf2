package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.CheckInMapper;
import com.tierpoint.core.engagement.infrastructure.CheckInRow;
import com.tierpoint.core.engagement.model.CheckIn;
import com.tierpoint.core.engagement.model.CheckInPolicy;
import com.tierpoint.core.engagement.model.Months;
import com.tierpoint.core.engagement.model.Reward;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.CheckInRule;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/** GetCheckInCalendar: a month of check-ins, the current streak and the next reward. */
@Service
public class ReadingCheckIns {

    /** {@code month} empty = the current month in the program's zone. */
    public record Query(String memberId, String month) {}

    /** {@code next} is null while check-in is off. */
    public record Calendar(
            YearMonth month,
            List<CheckIn> days,
            int currentStreak,
            boolean checkedInToday,
            Reward next,
            LocalDate today,
            boolean enabled) {}

    private final CheckInMapper checkIns;
    private final MemberMapper members;
    private final ProgramStore programs;
    private final Clock clock;

    ReadingCheckIns(CheckInMapper checkIns, MemberMapper members, ProgramStore programs, Clock clock) {
        this.checkIns = checkIns;
        this.members = members;
        this.programs = programs;
        this.clock = clock;
    }

    public Calendar calendar(Query q) {
        Program program = programs.current();
        Validation v = new Validation();
        v.memberId(q.memberId(), "member_id");
        YearMonth month = Months.orCurrent(q.month(), clock.instant(), program.zone());
        v.require(month != null, "month", "must be a month YYYY-MM");
        v.throwIfInvalid();
        long memberId = MemberId.of(q.memberId());
        if (members.selectById(memberId) == null) {
            throw new NotFound("member " + memberId);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), program.zone());
        List<CheckIn> days =
                checkIns
                        .between(
                                memberId,
                                month.atDay(1).toString(),
                                month.atEndOfMonth().toString())
                        .stream()
                        .map(CheckInRow::toCheckIn)
                        .toList();
        CheckInRow latestRow = checkIns.latestOnOrBefore(memberId, today.toString());
        CheckIn latest = latestRow == null ? null : latestRow.toCheckIn();
        boolean checkedInToday = latest != null && latest.day().equals(today);
        CheckInRule rule = program.checkIn();
        Reward next = null;
        if (rule.enabled()) {
            next = checkedInToday ? CheckInPolicy.nextAfter(rule, latest) : CheckInPolicy.rewardOn(rule, today, latest);
        }
        return new Calendar(
                month, days, CheckInPolicy.currentStreak(today, latest), checkedInToday, next, today, rule.enabled());
    }
}
