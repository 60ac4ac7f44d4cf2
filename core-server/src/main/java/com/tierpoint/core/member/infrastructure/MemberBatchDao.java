package com.tierpoint.core.member.infrastructure;

import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** The member statements of a grouped write, over plain JDBC (ADR 0017), in its round trips (ADR 0018). */
@Component
public class MemberBatchDao {

    private static final SizedSql LOCK_ALL = new SizedSql(
            n -> "SELECT * FROM member WHERE id IN " + SizedSql.placeholders(n) + " ORDER BY id FOR UPDATE");

    private static final SizedSql SAVE_POINTS = new SizedSql(n -> "UPDATE member SET points_balance = CASE id "
            + SizedSql.times(n, "WHEN ? THEN ?", " ")
            + " END, version = CASE id "
            + SizedSql.times(n, "WHEN ? THEN ?", " ")
            + " END, updated_at = ? WHERE id IN "
            + SizedSql.placeholders(n)
            + " AND version = CASE id "
            + SizedSql.times(n, "WHEN ? THEN ?", " ")
            + " END");

    /** A locked member's new points balance and version, and the version it was locked at. */
    public record PointsSave(long id, long balance, long lockedVersion, long newVersion) {}

    /**
     * Locks these members (at least one) for the rest of the transaction, in id order; absent
     * members are left out.
     */
    public RoundTrip.Rows<MemberRow> lockAll(RoundTrip trip, Collection<Long> ids) {
        return trip.query(LOCK_ALL.of(ids.size()), p -> p.addEach(ids), MemberBatchDao::read);
    }

    /**
     * Writes the points balances of locked members in one statement, each guarded by the version
     * it was locked at; the round trip fails if one of them had moved on.
     */
    public void savePointsBalances(RoundTrip trip, List<PointsSave> saves, long updatedAt) {
        trip.update(
                SAVE_POINTS.of(saves.size()),
                p -> {
                    for (PointsSave s : saves) {
                        p.add(s.id()).add(s.balance());
                    }
                    for (PointsSave s : saves) {
                        p.add(s.id()).add(s.newVersion());
                    }
                    p.add(updatedAt);
                    for (PointsSave s : saves) {
                        p.add(s.id());
                    }
                    for (PointsSave s : saves) {
                        p.add(s.id()).add(s.lockedVersion());
                    }
                },
                saves.size(),
                "a member changed without its lock");
    }

    /** Every column of a {@code member} row. */
    static MemberRow read(ResultSet rs) throws SQLException {
        MemberRow m = new MemberRow();
        m.id = rs.getLong("id");
        m.appId = rs.getString("app_id");
        m.openid = rs.getString("openid");
        m.unionid = rs.getString("unionid");
        m.nickname = rs.getString("nickname");
        m.birthday = rs.getString("birthday");
        m.birthMonth = Params.intOrNull(rs, "birth_month");
        m.phone = rs.getString("phone");
        m.tierCode = rs.getString("tier_code");
        m.tierSince = Params.longOrNull(rs, "tier_since");
        m.tierValidUntil = Params.longOrNull(rs, "tier_valid_until");
        m.pointsBalance = Params.longOrNull(rs, "points_balance");
        m.growthValue = Params.longOrNull(rs, "growth_value");
        m.totalSpendFen = Params.longOrNull(rs, "total_spend_fen");
        m.orderCount = Params.longOrNull(rs, "order_count");
        m.validInvites = Params.longOrNull(rs, "valid_invites");
        m.invitedBy = Params.longOrNull(rs, "invited_by");
        m.version = Params.longOrNull(rs, "version");
        m.enrolledAt = Params.longOrNull(rs, "enrolled_at");
        m.updatedAt = Params.longOrNull(rs, "updated_at");
        return m;
    }
}
