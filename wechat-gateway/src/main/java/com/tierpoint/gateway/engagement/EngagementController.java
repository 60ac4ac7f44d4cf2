package com.tierpoint.gateway.engagement;

import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimited;
import com.tierpoint.gateway.session.MemberSession;
import com.tierpoint.proto.v1.CheckInCalendar;
import com.tierpoint.proto.v1.CheckInRequest;
import com.tierpoint.proto.v1.CheckInResponse;
import com.tierpoint.proto.v1.GetCheckInCalendarRequest;
import com.tierpoint.proto.v1.GetLeaderboardRequest;
import com.tierpoint.proto.v1.Leaderboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "engagement", description = "daily check-in (签到) and the monthly leaderboard")
class EngagementController {

    private final CoreClient core;

    EngagementController(CoreClient core) {
        this.core = core;
    }

    /** @param alreadyCheckedIn true when today's check-in had happened before: nothing new was granted */
    record CheckInResult(String day, int streak, long points, long growth, boolean alreadyCheckedIn) {}

    @PostMapping("/checkin")
    @RateLimited("checkin")
    @Operation(summary = "Check in for today (program time zone); a second call the same day returns the same result")
    CheckInResult checkIn(
            MemberSession session,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 64) String idempotencyKey) {
        // one check-in per member and day is the core's rule; the key only makes a retried
        // request's answer identical
        CheckInResponse r = core.engagement()
                .checkIn(CheckInRequest.newBuilder()
                        .setIdempotencyKey(
                                idempotencyKey == null || idempotencyKey.isBlank()
                                        ? "checkin-" + java.util.UUID.randomUUID()
                                        : "checkin-" + session.memberId() + "-" + idempotencyKey)
                        .setMemberId(session.memberId())
                        .build());
        return new CheckInResult(r.getDay(), r.getStreak(), r.getPoints(), r.getGrowth(), r.getAlreadyCheckedIn());
    }

    record CalendarDay(String day, int streak, long points, Instant checkedInAt) {}

    record Calendar(
            String month,
            String today,
            boolean checkedInToday,
            int currentStreak,
            boolean checkInEnabled,
            List<CalendarDay> days) {}

    @GetMapping("/checkin/calendar")
    @Operation(summary = "A month's check-ins (default: this month), the streak and whether today is done")
    Calendar calendar(
            MemberSession session,
            @RequestParam(defaultValue = "") @Pattern(regexp = "(\\d{4}-\\d{2})?", message = "must be YYYY-MM")
                    String month) {
        CheckInCalendar c = core.engagement()
                .getCheckInCalendar(GetCheckInCalendarRequest.newBuilder()
                        .setMemberId(session.memberId())
                        .setMonth(month)
                        .build());
        return new Calendar(
                c.getMonth(),
                c.getToday(),
                c.getCheckedInToday(),
                c.getCurrentStreak(),
                c.getCheckInEnabled(),
                c.getDaysList().stream()
                        .map(d ->
                                new CalendarDay(d.getDay(), d.getStreak(), d.getPoints(), instant(d.getCheckedInAt())))
                        .toList());
    }

    record Entry(int rank, String nickname, long points, boolean me) {}

    record Board(String month, String groupId, List<Entry> entries, Entry mine) {}

    @GetMapping("/leaderboard")
    @Operation(
            summary =
                    "The month's points leaderboard, overall or of one WeCom customer group, with the member's own rank")
    Board leaderboard(
            MemberSession session,
            @RequestParam(defaultValue = "") @Pattern(regexp = "(\\d{4}-\\d{2})?", message = "must be YYYY-MM")
                    String month,
            @RequestParam(defaultValue = "") @Size(max = 64) String groupId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int top) {
        Leaderboard b = core.engagement()
                .getLeaderboard(GetLeaderboardRequest.newBuilder()
                        .setMonth(month)
                        .setGroupId(groupId)
                        .setTopN(top)
                        .setMemberId(session.memberId())
                        .build());
        List<Entry> entries = b.getEntriesList().stream()
                .map(e -> new Entry(
                        e.getRank(),
                        e.getNickname(),
                        e.getPoints(),
                        e.getMemberId().equals(session.memberId())))
                .toList();
        Entry mine = b.hasOwn() && b.getOwn().getRank() > 0
                ? new Entry(
                        b.getOwn().getRank(),
                        b.getOwn().getNickname(),
                        b.getOwn().getPoints(),
                        true)
                : null;
        return new Board(b.getMonth(), b.getGroupId().isEmpty() ? null : b.getGroupId(), entries, mine);
    }

    private static Instant instant(Timestamp t) {
        return t.getSeconds() == 0 && t.getNanos() == 0 ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
