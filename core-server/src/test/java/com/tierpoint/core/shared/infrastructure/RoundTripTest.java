package com.tierpoint.core.shared.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.tierpoint.core.support.CoreTestBase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round trip's statements run in order, as one text on MySQL and one at a time elsewhere, with
 * the same answers and the same failures either way.
 */
class RoundTripTest extends CoreTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoundTrips trips;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void probeTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS round_trip_probe (id BIGINT PRIMARY KEY, label VARCHAR(32) NOT NULL)");
        jdbc.update("DELETE FROM round_trip_probe");
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.execute("DROP TABLE IF EXISTS round_trip_probe");
    }

    private RoundTrip open(boolean together) {
        if (together) {
            assumeThat(trips.together())
                    .as("the test database takes multi-statement texts")
                    .isTrue();
        }
        return new RoundTrip(jdbc, together);
    }

    private static RoundTrip insert(RoundTrip trip, long id, String label) {
        return trip.update("INSERT INTO round_trip_probe (id, label) VALUES (?, ?)", p -> p.add(id)
                .add(label));
    }

    private List<String> labels() {
        return jdbc.queryForList("SELECT label FROM round_trip_probe ORDER BY id", String.class);
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void statementsRunInTheOrderAddedAndAQuerySeesTheWritesBeforeIt(boolean together) {
        RoundTrip trip = open(together);
        insert(trip, 1, "one");
        insert(trip, 2, "two");
        trip.update(
                "UPDATE round_trip_probe SET label = ? WHERE id = ?",
                p -> p.add("uno").add(1L),
                1,
                "row 1");
        RoundTrip.Rows<String> read = trip.query(
                "SELECT label FROM round_trip_probe WHERE id IN (?, ?) ORDER BY id",
                p -> p.add(1L).add(2L),
                rs -> rs.getString("label"));
        RoundTrip.Rows<Long> none =
                trip.query("SELECT id FROM round_trip_probe WHERE id = ?", p -> p.add(99L), rs -> rs.getLong(1));

        trip.run();

        assertThat(read.get()).containsExactly("uno", "two");
        assertThat(none.get()).isEmpty();
        assertThat(trip.size()).isZero();
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void anUpdateTouchingOtherThanTheExpectedRowsFailsTheTransaction(boolean together) {
        RoundTrip trip = open(together);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    insert(trip, 1, "one");
                    trip.update(
                            "UPDATE round_trip_probe SET label = ? WHERE id = ?",
                            p -> p.add("x").add(2L),
                            1,
                            "row 2 was expected");
                    trip.run();
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 2 was expected (0 rows, expected 1)");

        assertThat(labels()).isEmpty();
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void aDuplicateKeyStopsTheRoundTripThereAndIsTranslated(boolean together) {
        insert(open(false), 1, "stored").run();

        RoundTrip trip = open(together);
        insert(trip, 2, "before");
        insert(trip, 1, "duplicate");
        insert(trip, 3, "after");
        assertThatThrownBy(trip::run).isInstanceOf(DuplicateKeyException.class);

        // outside a transaction each statement commits on its own: the one before the failure
        // stayed, the one after it never ran
        assertThat(labels()).containsExactly("stored", "before");
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void aFailedRoundTripInsideATransactionLeavesNothing(boolean together) {
        insert(open(false), 1, "stored").run();

        RoundTrip trip = open(together);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    insert(trip, 2, "before");
                    insert(trip, 1, "duplicate");
                    trip.run();
                }))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(labels()).containsExactly("stored");
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void rowsAreThereOnlyOnceTheRoundTripHasRun(boolean together) {
        RoundTrip trip = open(together);
        RoundTrip.Rows<Long> ids = trip.query("SELECT id FROM round_trip_probe", p -> {}, rs -> rs.getLong(1));

        assertThatThrownBy(ids::get).isInstanceOf(IllegalStateException.class);
        trip.run();
        assertThat(ids.get()).isEmpty();
    }

    @ParameterizedTest(name = "together={0}")
    @ValueSource(booleans = {true, false})
    void anEmptyRoundTripSendsNothing(boolean together) {
        RoundTrip trip = open(together);

        trip.run();

        assertThat(trip.size()).isZero();
    }
}
