package com.tierpoint.core.member.infrastructure;

import com.tierpoint.core.shared.infrastructure.Params;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The member statements of a grouped write, over plain JDBC (ADR 0017). */
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

    private final JdbcTemplate jdbc;

    MemberBatchDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A locked member's new points balance and version, and the version it was locked at. */
    public record PointsSave(long id, long balance, long lockedVersion, long newVersion) {}

    /** Locks these members for the rest of the transaction, in id order; absent members are left out. */
    public List<MemberRow> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(LOCK_ALL.of(ids.size()), ps -> new Params(ps).addEach(ids), (rs, i) -> read(rs));
    }

    /**
     * Writes the points balances of locked members in one statement, each guarded by the version
     * it was locked at; answers how many were written.
     */
    public int savePointsBalances(List<PointsSave> saves, long updatedAt) {
        return jdbc.update(SAVE_POINTS.of(saves.size()), ps -> {
            Params p = new Params(ps);
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
        });
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
