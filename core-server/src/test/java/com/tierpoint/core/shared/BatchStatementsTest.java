package com.tierpoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.member.infrastructure.MemberBatchDao;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.infrastructure.MemberRow;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.points.infrastructure.PointsBatchDao;
import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import com.tierpoint.core.shared.infrastructure.SizedSql;
import com.tierpoint.core.support.CoreTestBase;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The grouped write's plain-JDBC statements read and write rows exactly as the MyBatis mappers do. */
class BatchStatementsTest extends CoreTestBase {

    @Autowired
    MemberMapper memberMapper;

    @Autowired
    MemberBatchDao memberBatches;

    @Autowired
    LotMapper lotMapper;

    @Autowired
    PointsBatchDao pointsBatches;

    @Autowired
    IdGenerator ids;

    @Autowired
    RoundTrips trips;

    @Test
    void aMemberLockedInABatchHasEveryColumnTheMapperReads() {
        MemberRow row = everyFieldSet(new MemberRow());
        row.id = ids.nextId();
        row.appId = "wx-batch";
        row.openid = "o-" + UUID.randomUUID();
        row.birthday = "1990-07-15";
        row.phone = "13800138000";
        memberMapper.insert(row);
        try {
            RoundTrip trip = trips.open();
            RoundTrip.Rows<MemberRow> rows = memberBatches.lockAll(trip, List.of(row.id));
            trip.run();
            List<MemberRow> locked = rows.get();

            assertThat(locked).singleElement().usingRecursiveComparison().isEqualTo(memberMapper.selectById(row.id));
            assertThat(locked.get(0)).hasNoNullFieldsOrProperties();
        } finally {
            // not a member any other test or job should meet
            memberMapper.deleteById(row.id);
        }
    }

    @Test
    void aLotReadInABatchHasEveryColumnTheMapperReads() {
        LotRow lot = everyFieldSet(new LotRow());
        lot.id = ids.nextId();
        lot.memberId = ids.nextId();
        lot.remaining = 5L;
        lot.amount = 9L;
        RoundTrip trip = trips.open();
        pointsBatches.insertLots(trip, List.of(lot));
        RoundTrip.Rows<LotRow> rows = pointsBatches.openLotsOf(trip, List.of(lot.memberId));
        try {
            trip.run();
            List<LotRow> open = rows.get();

            assertThat(open).singleElement().usingRecursiveComparison().isEqualTo(lotMapper.selectById(lot.id));
            assertThat(open.get(0)).usingRecursiveComparison().isEqualTo(lot);
        } finally {
            // a lot of no member: the expiry job must never see it
            lotMapper.deleteById(lot.id);
        }
    }

    @Test
    void theTextOfAStatementIsBuiltOncePerRowCount() {
        AtomicInteger built = new AtomicInteger();
        SizedSql sql = new SizedSql(n -> {
            built.incrementAndGet();
            return "SELECT 1 FROM t WHERE id IN " + SizedSql.placeholders(n);
        });

        assertThat(sql.of(3)).isEqualTo("SELECT 1 FROM t WHERE id IN (?, ?, ?)");
        assertThat(sql.of(3)).isSameAs(sql.of(3));
        sql.of(1);

        assertThat(built).hasValue(2);
        assertThatThrownBy(() -> sql.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Sets every public field the row has to a distinct non-null value of its type. */
    private static <T> T everyFieldSet(T row) {
        AtomicInteger n = new AtomicInteger(1);
        Arrays.stream(row.getClass().getFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .forEach(f -> set(row, f, n.getAndIncrement()));
        return row;
    }

    private static void set(Object row, Field f, int n) {
        try {
            if (f.getType() == Long.class) {
                f.set(row, 1_000L + n);
            } else if (f.getType() == Integer.class) {
                f.set(row, n % 12 + 1);
            } else if (f.getType() == String.class) {
                f.set(row, "v" + n);
            } else {
                throw new IllegalStateException("no test value for " + f);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
