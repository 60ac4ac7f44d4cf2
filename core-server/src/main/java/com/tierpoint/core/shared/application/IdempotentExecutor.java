package com.tierpoint.core.shared.application;

import com.tierpoint.core.shared.infrastructure.IdempotencyMapper;
import com.tierpoint.core.shared.infrastructure.IdempotencyRow;
import com.tierpoint.core.shared.infrastructure.Json;
import com.tierpoint.core.shared.model.IdempotencyConflict;
import com.tierpoint.core.shared.model.RequestKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write exactly once per (client, idempotency key).
 *
 * <p>The key is claimed by inserting into {@code idempotency_record} inside the same transaction
 * as the write, and the result is stored there before commit. The primary key is the guard: a
 * concurrent duplicate blocks on the claimed key until the first commits, then finds the stored
 * result. If the write fails, the claim rolls back with it and a retry runs afresh. No
 * read-then-insert anywhere.
 */
@Component
public class IdempotentExecutor {

    private final IdempotencyMapper records;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommit group;

    IdempotentExecutor(IdempotencyMapper records, TransactionTemplate tx, Clock clock, GroupCommit group) {
        this.records = records;
        this.tx = tx;
        this.clock = clock;
        this.group = group;
    }

    /**
     * @param operation the rpc, so one key cannot be replayed against another operation
     * @param command the validated request (without its key); its JSON form is fingerprinted
     * @param work the write; runs in the transaction that claims the key
     */
    public <T> T execute(RequestKey key, String operation, Object command, Class<T> resultType, Supplier<T> work) {
        String hash = fingerprint(operation, command);
        try {
            return tx.execute(status -> {
                claim(key, operation, hash);
                T result = work.get();
                records.complete(key.clientId(), key.idempotencyKey(), Json.write(result));
                return result;
            });
        } catch (KeyAlreadyClaimed e) {
            return replay(key, operation, hash, resultType);
        }
    }

    /**
     * Like {@link #execute}, for a write that touches one member only: it shares a transaction
     * with other members' writes that arrive together ({@link GroupCommit}), and is still claimed,
     * run, stored and answered on its own. If the shared transaction fails, it runs alone.
     */
    public <T> T executeGrouped(
            long memberId, RequestKey key, String operation, Object command, Class<T> resultType, Supplier<T> work) {
        if (!group.enabled()) {
            return execute(key, operation, command, resultType, work);
        }
        String hash = fingerprint(operation, command);
        GroupCommit.Outcome<T> outcome = group.submit(memberId, () -> {
            claim(key, operation, hash);
            T result = work.get();
            records.complete(key.clientId(), key.idempotencyKey(), Json.write(result));
            return result;
        });
        if (outcome instanceof GroupCommit.Done<T> done) {
            return done.value();
        }
        if (outcome instanceof GroupCommit.Refused<T> refused) {
            throw refused.error();
        }
        if (outcome instanceof GroupCommit.Replay<T>) {
            return replay(key, operation, hash, resultType);
        }
        return execute(key, operation, command, resultType, work);
    }

    private void claim(RequestKey key, String operation, String hash) {
        IdempotencyRow row = new IdempotencyRow();
        row.clientId = key.clientId();
        row.idemKey = key.idempotencyKey();
        row.operation = operation;
        row.requestHash = hash;
        row.createdAt = clock.millis();
        try {
            records.insert(row);
        } catch (DuplicateKeyException e) {
            throw new KeyAlreadyClaimed();
        }
    }

    private <T> T replay(RequestKey key, String operation, String hash, Class<T> resultType) {
        IdempotencyRow stored = records.find(key.clientId(), key.idempotencyKey());
        if (stored == null || stored.response == null) {
            // only possible if the record was purged between our insert and this read
            throw new IllegalStateException("idempotency record vanished for key " + key.idempotencyKey());
        }
        if (!stored.operation.equals(operation) || !stored.requestHash.equals(hash)) {
            throw new IdempotencyConflict(key.idempotencyKey());
        }
        return Json.read(stored.response, resultType);
    }

    static String fingerprint(String operation, Object command) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Json.write(command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key is taken; control flow only, never leaves this package. */
    static final class KeyAlreadyClaimed extends RuntimeException {
        KeyAlreadyClaimed() {
            super(null, null, false, false);
        }
    }
}
