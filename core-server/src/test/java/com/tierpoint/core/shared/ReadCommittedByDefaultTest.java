package com.tierpoint.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.CoreTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that asks for no isolation reads what others committed since its first read (ADR
 * 0019): a write that locks a row and then reads sees what the lock waited for.
 */
class ReadCommittedByDefaultTest extends CoreTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void probeTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS isolation_probe (id BIGINT PRIMARY KEY)");
        jdbc.update("DELETE FROM isolation_probe");
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.execute("DROP TABLE IF EXISTS isolation_probe");
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM isolation_probe", Integer.class);
    }

    /** Commits a row from another transaction while the current one is open. */
    private void commitElsewhere(long id) {
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        other.executeWithoutResult(s -> jdbc.update("INSERT INTO isolation_probe (id) VALUES (?)", id));
    }

    /** Row counts read by {@code t} before and after another transaction commits a row. */
    private int[] countsAroundACommit(TransactionTemplate t, long id) {
        int[] seen = new int[2];
        t.executeWithoutResult(s -> {
            seen[0] = rows();
            commitElsewhere(id);
            seen[1] = rows();
        });
        return seen;
    }

    @Test
    void aTransactionSeesRowsCommittedAfterItsFirstRead() {
        assertThat(countsAroundACommit(tx, 1)).containsExactly(0, 1);
    }

    @Test
    void aTransactionAskingForRepeatableReadKeepsItsSnapshotAndLeavesThePoolReadingCommitted() {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);

        assertThat(countsAroundACommit(snapshot, 1)).containsExactly(0, 0);
        assertThat(countsAroundACommit(tx, 2)).containsExactly(1, 2);
    }
}
