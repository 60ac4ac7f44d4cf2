package com.tierpoint.core.jobs.infrastructure;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Candidate queries of the scheduled jobs. They only find members that may need work, in
 * member-id order after a cursor; each member is then re-checked under its row lock.
 */
@Mapper
public interface JobQueries {

    /** Members holding points in lots that expired in (after, upTo]. */
    @Select(
            """
            SELECT DISTINCT member_id FROM points_lot
             WHERE expires_at > #{after} AND expires_at <= #{upTo} AND remaining > 0 AND member_id > #{afterMember}
             ORDER BY member_id LIMIT #{limit}
            """)
    List<Long> membersWithLotsExpiring(
            @Param("after") long after,
            @Param("upTo") long upTo,
            @Param("afterMember") long afterMember,
            @Param("limit") int limit);

    /** Members whose tier validity ended at or before {@code now}. */
    @Select(
            """
            SELECT id FROM member WHERE tier_valid_until IS NOT NULL AND tier_valid_until <= #{now}
               AND id > #{afterMember} ORDER BY id LIMIT #{limit}
            """)
    List<Long> membersWithLapsedTier(
            @Param("now") long now, @Param("afterMember") long afterMember, @Param("limit") int limit);

    /** Members whose tier validity ends in (from, upTo]. */
    @Select(
            """
            SELECT id FROM member WHERE tier_valid_until > #{from} AND tier_valid_until <= #{upTo}
               AND id > #{afterMember} ORDER BY id LIMIT #{limit}
            """)
    List<Long> membersWithTierEnding(
            @Param("from") long from,
            @Param("upTo") long upTo,
            @Param("afterMember") long afterMember,
            @Param("limit") int limit);

    /** Members born in {@code month} with no gift for {@code year} yet. */
    @Select(
            """
            SELECT m.id FROM member m
              LEFT JOIN birthday_grant g ON g.member_id = m.id AND g.gift_year = #{year}
             WHERE m.birth_month = #{month} AND g.member_id IS NULL AND m.id > #{afterMember}
             ORDER BY m.id LIMIT #{limit}
            """)
    List<Long> membersAwaitingBirthdayGift(
            @Param("month") int month,
            @Param("year") int year,
            @Param("afterMember") long afterMember,
            @Param("limit") int limit);

    /** Claims a reminder; a duplicate key means it was already written. */
    @Insert(
            """
            INSERT INTO reminder_log (member_id, kind, subject, created_at)
            VALUES (#{memberId}, #{kind}, #{subject}, #{now})
            """)
    int claimReminder(
            @Param("memberId") long memberId,
            @Param("kind") String kind,
            @Param("subject") String subject,
            @Param("now") long now);

    @Select(
            "SELECT COUNT(*) FROM reminder_log WHERE member_id = #{memberId} AND kind = #{kind} AND subject = #{subject}")
    int reminderWritten(@Param("memberId") long memberId, @Param("kind") String kind, @Param("subject") String subject);

    @Insert(
            """
            INSERT INTO birthday_grant (member_id, gift_year, txn_id, created_at)
            VALUES (#{memberId}, #{year}, #{txnId}, #{now})
            """)
    int recordBirthdayGift(
            @Param("memberId") long memberId,
            @Param("year") int year,
            @Param("txnId") Long txnId,
            @Param("now") long now);

    @Select("SELECT COUNT(*) FROM birthday_grant WHERE member_id = #{memberId} AND gift_year = #{year}")
    int birthdayGiftGiven(@Param("memberId") long memberId, @Param("year") int year);

    /** Oldest idempotency records created before {@code before}. */
    @Select(
            """
            SELECT client_id, idem_key FROM idempotency_record WHERE created_at < #{before}
             ORDER BY created_at LIMIT #{limit}
            """)
    List<IdempotencyKeyRow> idempotencyRecordsBefore(@Param("before") long before, @Param("limit") int limit);

    @org.apache.ibatis.annotations.Delete(
            "DELETE FROM idempotency_record WHERE client_id = #{clientId} AND idem_key = #{idemKey}")
    int deleteIdempotencyRecord(@Param("clientId") String clientId, @Param("idemKey") String idemKey);

    /** A (client, key) pair of the idempotency table. */
    class IdempotencyKeyRow {
        public String clientId;
        public String idemKey;
    }
}
