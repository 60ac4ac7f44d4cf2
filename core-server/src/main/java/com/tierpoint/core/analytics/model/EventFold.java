package com.tierpoint.core.analytics.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds events into per-day figures. Which events count for what is decided here and nowhere
 * else; the caller supplies each event's program day and its parsed payload.
 */
public final class EventFold {

    /** Sources of points granted to a member by someone else: not the member's own activity. */
    private static final Set<String> PASSIVE_SOURCES = Set.of("invite", "operator", "birthday", "system");

    public static final String OPERATOR_SOURCE = "operator";

    public record TierDay(LocalDate day, String tierCode) {}

    public record Move(LocalDate day, String fromTier, String toTier) {}

    public record Active(LocalDate day, long memberId) {}

    private final Map<LocalDate, DayFigures> days = new TreeMap<>();
    private final Map<TierDay, Long> tierDeltas = new java.util.HashMap<>();
    private final Map<Move, Long> moves = new java.util.HashMap<>();
    private final Set<Active> active = new HashSet<>();

    public void add(String type, long memberId, LocalDate day, Map<String, Object> payload) {
        switch (type) {
            case "member.enrolled" -> {
                DayFigures d = day(day);
                d.membersEnrolled++;
                d.membersDelta++;
                tier(day, text(payload, "tier"), 1);
                active(day, memberId);
            }
            case "points.earned" -> {
                long p = number(payload, "points");
                DayFigures d = day(day);
                d.pointsIssued += p;
                d.outstandingDelta += p;
                String source = text(payload, "source");
                if (OPERATOR_SOURCE.equals(source)) {
                    d.pointsOperatorGranted += p;
                }
                if (!PASSIVE_SOURCES.contains(source)) {
                    active(day, memberId);
                }
            }
            case "points.redeemed" -> {
                long p = number(payload, "points");
                DayFigures d = day(day);
                d.pointsRedeemed -= p;
                d.outstandingDelta += p;
                if (OPERATOR_SOURCE.equals(text(payload, "source"))) {
                    d.pointsOperatorDeducted -= p;
                } else {
                    active(day, memberId);
                }
            }
            case "points.reversed" -> {
                long p = number(payload, "points");
                DayFigures d = day(day);
                if (p < 0) {
                    d.pointsReversed -= p;
                } else {
                    d.pointsReturned += p;
                }
                d.outstandingDelta += p;
            }
            case "points.expired" -> {
                long p = number(payload, "points");
                DayFigures d = day(day);
                d.pointsExpired -= p;
                d.outstandingDelta += p;
            }
            case "tier.upgraded", "tier.downgraded" -> {
                String from = text(payload, "from_tier");
                String to = text(payload, "to_tier");
                if (from != null && to != null && !from.equals(to)) {
                    DayFigures d = day(day);
                    if (type.equals("tier.upgraded")) {
                        d.tierUpgrades++;
                    } else {
                        d.tierDowngrades++;
                    }
                    tier(day, from, -1);
                    tier(day, to, 1);
                    moves.merge(new Move(day, from, to), 1L, Long::sum);
                }
            }
            case "checkin.done" -> {
                day(day).checkIns++;
                active(day, memberId);
            }
            case "order.recorded" -> active(day, memberId);
            case "invite.created" -> day(day).invitesCreated++;
            case "invite.accepted" -> {
                // written on both members: count the invitee's (it names the inviter)
                if (payload.get("inviter_id") != null) {
                    day(day).invitesAccepted++;
                    active(day, memberId);
                }
            }
            case "invite.advanced" -> {
                String stage = text(payload, "stage");
                if ("FIRST_ORDER_PAID".equals(stage)) {
                    day(day).invitesFirstOrder++;
                } else if ("FIRST_ORDER_COMPLETED".equals(stage)) {
                    day(day).invitesCompleted++;
                }
            }
            default -> {
                // other events do not change the aggregates
            }
        }
    }

    public Map<LocalDate, DayFigures> days() {
        return days;
    }

    public Map<TierDay, Long> tierDeltas() {
        return tierDeltas;
    }

    public Map<Move, Long> moves() {
        return moves;
    }

    /** Members active per day in this batch; whether they count is decided against earlier batches. */
    public Set<Active> active() {
        return active;
    }

    public boolean isEmpty() {
        return days.isEmpty() && active.isEmpty();
    }

    private DayFigures day(LocalDate day) {
        return days.computeIfAbsent(day, d -> new DayFigures());
    }

    private void tier(LocalDate day, String tier, long delta) {
        if (tier != null) {
            tierDeltas.merge(new TierDay(day, tier), delta, Long::sum);
        }
    }

    private void active(LocalDate day, long memberId) {
        if (memberId > 0) {
            active.add(new Active(day, memberId));
        }
    }

    private static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }

    private static long number(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
