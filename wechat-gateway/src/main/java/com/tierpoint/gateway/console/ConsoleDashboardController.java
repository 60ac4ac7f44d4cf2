package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.Dashboard;
import com.tierpoint.proto.v1.DashboardDay;
import com.tierpoint.proto.v1.GetDashboardRequest;
import com.tierpoint.proto.v1.TierCount;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The program dashboard: the core's daily aggregates, shaped for the console's charts. */
@RestController
@RequestMapping("/console/api")
class ConsoleDashboardController {

    private static final ZoneId PROGRAM_ZONE = ZoneId.of("Asia/Shanghai");

    private final CoreClient core;
    private final Clock clock;

    ConsoleDashboardController(CoreClient core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    record TierMembers(String code, String name, int rank, long members) {}

    record Snapshot(long totalMembers, long liabilityPoints, List<TierMembers> membersPerTier) {}

    record Day(
            String day,
            long pointsIssued,
            long pointsRedeemed,
            long pointsExpired,
            long liabilityPoints,
            long enrolled,
            long activeMembers,
            long checkIns,
            double checkInRate,
            long invitesCreated,
            long invitesAccepted,
            long invitesCompleted,
            double redemptionRate,
            long tierUp,
            long tierDown,
            Map<String, Long> membersPerTier) {}

    record Totals(
            long pointsIssued,
            long pointsRedeemed,
            long pointsExpired,
            double redemptionRate,
            long invitesCreated,
            long invitesAccepted,
            long invitesCompleted,
            double checkInRate) {}

    record DashboardView(String from, String to, String asOf, Snapshot snapshot, Totals totals, List<Day> days) {}

    /** Defaults to the last 30 program days; {@code invitesCompleted} counts invitees' first orders. */
    @GetMapping("/dashboard")
    DashboardView dashboard(
            ConsoleOperator op,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to) {
        LocalDate today = LocalDate.now(clock.withZone(PROGRAM_ZONE));
        LocalDate end = to.isBlank() ? today : day("to", to);
        LocalDate start = from.isBlank() ? end.minusDays(29) : day("from", from);
        Dashboard d = core.analytics()
                .getDashboard(GetDashboardRequest.newBuilder()
                        .setFromDay(start.toString())
                        .setToDay(end.toString())
                        .build());
        var c = d.getCurrent();
        var snapshot = new Snapshot(c.getMembersTotal(), c.getPointsOutstanding(), tiers(c.getMembersPerTierList()));
        var t = d.getTotals();
        var totals = new Totals(
                t.getPointsIssued(),
                t.getPointsRedeemed(),
                t.getPointsExpired(),
                t.getRedemptionRate(),
                t.getInvitesCreated(),
                t.getInvitesAccepted(),
                t.getInvitesFirstOrder(),
                t.getCheckInRate());
        return new DashboardView(
                d.getFromDay(),
                d.getToDay(),
                d.hasAsOf() ? ConsoleViews.instant(d.getAsOf()).toString() : null,
                snapshot,
                totals,
                d.getDaysList().stream().map(ConsoleDashboardController::day).toList());
    }

    private static List<TierMembers> tiers(List<TierCount> counts) {
        return java.util.stream.IntStream.range(0, counts.size())
                .mapToObj(i -> new TierMembers(
                        counts.get(i).getTierCode(),
                        counts.get(i).getTierName(),
                        i,
                        counts.get(i).getMembers()))
                .toList();
    }

    private static Day day(DashboardDay d) {
        Map<String, Long> perTier = new LinkedHashMap<>();
        d.getMembersPerTierList().forEach(t -> perTier.put(t.getTierCode(), t.getMembers()));
        return new Day(
                d.getDay(),
                d.getPointsIssued(),
                d.getPointsRedeemed(),
                d.getPointsExpired(),
                d.getPointsOutstanding(),
                d.getMembersEnrolled(),
                d.getActiveMembers(),
                d.getCheckIns(),
                d.getCheckInRate(),
                d.getInvitesCreated(),
                d.getInvitesAccepted(),
                d.getInvitesFirstOrder(),
                d.getRedemptionRate(),
                d.getTierUpgrades(),
                d.getTierDowngrades(),
                perTier);
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "日期格式应为 YYYY-MM-DD");
        }
    }
}
