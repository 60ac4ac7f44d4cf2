package com.tierpoint.core.analytics.infrastructure;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The analytics tables: the aggregator's writes and the dashboard's reads. */
@Mapper
public interface AnalyticsMapper {

    class State {
        public Long foldedSeq;
        public Boolean seeded;
        public String coveredFromDay;
        public Long asOf;
        public Long baseMembers;
        public Long baseOutstanding;
    }

    class TierCount {
        public String tierCode;
        public Long members;
        public Long points;
    }

    class DayTier {
        public String day;
        public String tierCode;
        public Long membersDelta;
    }

    class DayMove {
        public String day;
        public String fromTier;
        public String toTier;
        public Long members;
    }

    class Totals {
        public Long members;
        public Long outstanding;
    }

    // --- the dashboard's reads: only analytics tables (AnalyticsQueryPlanTest checks them) ---

    String STATE = "SELECT * FROM analytics_state WHERE id = 1";
    String DAYS = "SELECT * FROM analytics_daily WHERE day >= #{from} AND day <= #{to} ORDER BY day";
    String TOTALS_BEFORE = "SELECT COALESCE(SUM(members_delta), 0) AS members,"
            + " COALESCE(SUM(outstanding_delta), 0) AS outstanding FROM analytics_daily WHERE day < #{before}";
    String TIERS_BEFORE = "SELECT tier_code, SUM(members_delta) AS members FROM analytics_daily_tier"
            + " WHERE day < #{before} GROUP BY tier_code";
    String TIER_DAYS =
            "SELECT day, tier_code, members_delta FROM analytics_daily_tier" + " WHERE day >= #{from} AND day <= #{to}";
    String MOVE_DAYS = "SELECT day, from_tier, to_tier, members FROM analytics_daily_move"
            + " WHERE day >= #{from} AND day <= #{to}";
    String BASE_TIERS = "SELECT tier_code, members FROM analytics_base_tier";

    @Select(STATE)
    State state();

    @Select(DAYS)
    List<Map<String, Object>> days(@Param("from") String from, @Param("to") String to);

    @Select(TOTALS_BEFORE)
    Totals totalsBefore(@Param("before") String before);

    @Select(TIERS_BEFORE)
    List<TierCount> tiersBefore(@Param("before") String before);

    @Select(TIER_DAYS)
    List<DayTier> tierDays(@Param("from") String from, @Param("to") String to);

    @Select(MOVE_DAYS)
    List<DayMove> moveDays(@Param("from") String from, @Param("to") String to);

    @Select(BASE_TIERS)
    List<TierCount> baseTiers();

    // --- the aggregator ---

    /** Locks the state: one fold at a time, on any instance. */
    @Select("SELECT * FROM analytics_state WHERE id = 1 FOR UPDATE")
    State lockState();

    @Update(
            """
            UPDATE analytics_state SET folded_seq = #{seq}, as_of = COALESCE(GREATEST(as_of, #{asOf}), #{asOf})
             WHERE id = 1
            """)
    int advance(@Param("seq") long seq, @Param("asOf") Long asOf);

    @Update(
            """
            UPDATE analytics_state SET seeded = TRUE, folded_seq = #{seq}, covered_from_day = #{day},
                   base_members = #{members}, base_outstanding = #{outstanding}
             WHERE id = 1
            """)
    int seed(
            @Param("seq") long seq,
            @Param("day") String day,
            @Param("members") long members,
            @Param("outstanding") long outstanding);

    /**
     * What the seed reads, in one statement so that it is one snapshot on any database: members
     * and outstanding points per tier now (the seed's one full scan of member; rows with a tier
     * code), and the events committed but not sequenced yet (rows without one), which the member
     * rows already reflect.
     */
    @Select(
            """
            SELECT tier_code, COUNT(*) AS members, COALESCE(SUM(points_balance), 0) AS points, 0 AS event_id
              FROM member GROUP BY tier_code
            UNION ALL
            SELECT NULL, 0, 0, id FROM outbox_event WHERE seq IS NULL
            """)
    List<SeedRow> seedReading();

    /** A tier's members and points, or (tier code null) an event the seed already covers. */
    class SeedRow {
        public String tierCode;
        public Long members;
        public Long points;
        public Long eventId;
    }

    @Insert("INSERT INTO analytics_base_tier (tier_code, members) VALUES (#{tier}, #{members})")
    int addBaseTier(@Param("tier") String tier, @Param("members") long members);

    @Insert("INSERT INTO analytics_seed_skip (event_id) VALUES (#{id})")
    int addSkip(@Param("id") long id);

    @Select("SELECT event_id FROM analytics_seed_skip")
    List<Long> skips();

    @Delete("DELETE FROM analytics_seed_skip WHERE event_id = #{id}")
    int removeSkip(@Param("id") long id);

    @Insert(
            """
            INSERT INTO analytics_daily (day, points_issued, points_redeemed, points_expired, points_reversed,
                   points_returned, points_operator_granted, points_operator_deducted, outstanding_delta,
                   members_enrolled, members_delta, active_members, check_ins, invites_created, invites_accepted,
                   invites_first_order, invites_completed, tier_upgrades, tier_downgrades)
            VALUES (#{day}, #{d.pointsIssued}, #{d.pointsRedeemed}, #{d.pointsExpired}, #{d.pointsReversed},
                   #{d.pointsReturned}, #{d.pointsOperatorGranted}, #{d.pointsOperatorDeducted}, #{d.outstandingDelta},
                   #{d.membersEnrolled}, #{d.membersDelta}, #{d.activeMembers}, #{d.checkIns}, #{d.invitesCreated},
                   #{d.invitesAccepted}, #{d.invitesFirstOrder}, #{d.invitesCompleted}, #{d.tierUpgrades},
                   #{d.tierDowngrades})
            ON DUPLICATE KEY UPDATE
                   points_issued = points_issued + #{d.pointsIssued},
                   points_redeemed = points_redeemed + #{d.pointsRedeemed},
                   points_expired = points_expired + #{d.pointsExpired},
                   points_reversed = points_reversed + #{d.pointsReversed},
                   points_returned = points_returned + #{d.pointsReturned},
                   points_operator_granted = points_operator_granted + #{d.pointsOperatorGranted},
                   points_operator_deducted = points_operator_deducted + #{d.pointsOperatorDeducted},
                   outstanding_delta = outstanding_delta + #{d.outstandingDelta},
                   members_enrolled = members_enrolled + #{d.membersEnrolled},
                   members_delta = members_delta + #{d.membersDelta},
                   active_members = active_members + #{d.activeMembers},
                   check_ins = check_ins + #{d.checkIns},
                   invites_created = invites_created + #{d.invitesCreated},
                   invites_accepted = invites_accepted + #{d.invitesAccepted},
                   invites_first_order = invites_first_order + #{d.invitesFirstOrder},
                   invites_completed = invites_completed + #{d.invitesCompleted},
                   tier_upgrades = tier_upgrades + #{d.tierUpgrades},
                   tier_downgrades = tier_downgrades + #{d.tierDowngrades}
            """)
    int addDay(@Param("day") String day, @Param("d") com.tierpoint.core.analytics.model.DayFigures figures);

    @Insert(
            """
            INSERT INTO analytics_daily_tier (day, tier_code, members_delta) VALUES (#{day}, #{tier}, #{delta})
            ON DUPLICATE KEY UPDATE members_delta = members_delta + #{delta}
            """)
    int addTier(@Param("day") String day, @Param("tier") String tier, @Param("delta") long delta);

    @Insert(
            """
            INSERT INTO analytics_daily_move (day, from_tier, to_tier, members) VALUES (#{day}, #{from}, #{to}, #{n})
            ON DUPLICATE KEY UPDATE members = members + #{n}
            """)
    int addMove(@Param("day") String day, @Param("from") String from, @Param("to") String to, @Param("n") long n);

    /** Adds the members not yet active that day; returns how many were new. */
    @Insert(
            """
            <script>
            INSERT IGNORE INTO analytics_active_day (day, member_id) VALUES
            <foreach item="m" collection="memberIds" separator=",">(#{day}, #{m})</foreach>
            </script>
            """)
    int addActive(@Param("day") String day, @Param("memberIds") Collection<Long> memberIds);

    @Delete("DELETE FROM analytics_active_day WHERE day < #{before} LIMIT #{limit}")
    int purgeActiveBefore(@Param("before") String before, @Param("limit") int limit);
}
