package com.tierpoint.core.shared.application;

import com.tierpoint.core.shared.infrastructure.IdGenerator;
import com.tierpoint.core.shared.infrastructure.IdempotencyBatchDao;
import com.tierpoint.core.shared.infrastructure.IdempotencyMapper;
import com.tierpoint.core.shared.infrastructure.IdempotencyRow;
import com.tierpoint.core.shared.infrastructure.Json;
import com.tierpoint.core.shared.infrastructure.RoundTrip;
import com.tierpoint.core.shared.infrastructure.RoundTrips;
import com.tierpoint.core.shared.model.IdempotencyConflict;
import com.tierpoint.core.shared.model.RequestKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final IdempotencyBatchDao batches;
    private final RoundTrips trips;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final GroupCommit group;

    IdempotentExecutor(
            IdempotencyMapper records,
            IdempotencyBatchDao batches,
            RoundTrips trips,
            IdGenerator ids,
            TransactionTemplate tx,
            Clock clock,
            GroupCommit group) {
        this.records = records;
        this.batches = batches;
        this.trips = trips;
        this.ids = ids;
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
        return answer(outcome, key, operation, command, resultType, work, hash);
    }

    /**
     * Like {@link #executeGrouped}, for a write that a batch can make together with others of its
     * kind ({@link BulkWrite}): written by one {@code bulk} call, their records inserted with their
     * results in one statement, all of it in one round trip. A key twice in the batch runs again
     * once the first has committed; a key stored already makes the batch run again, this time
     * replaying the stored keys; if the insert then meets a key claimed meanwhile, the group runs
     * one by one instead, where {@code work} is the request on its own.
     */
    public <C, T> T executeBulk(
            long memberId,
            RequestKey key,
            String operation,
            C command,
            Class<T> resultType,
            BulkWrite<C, T> bulk,
            Supplier<T> work) {
        if (!group.enabled()) {
            return execute(key, operation, command, resultType, work);
        }
        String hash = fingerprint(operation, command);
        @SuppressWarnings("unchecked")
        Claims<C, T> claims = (Claims<C, T>) together.computeIfAbsent(bulk, b -> new Claims<>(bulk, operation));
        GroupCommit.Outcome<T> outcome = group.submit(
                memberId,
                () -> {
                    claim(key, operation, hash);
                    T result = work.get();
                    records.complete(key.clientId(), key.idempotencyKey(), Json.write(result));
                    return result;
                },
                claims,
                new Keyed<>(key, hash, command));
        return answer(outcome, key, operation, command, resultType, work, hash);
    }

    private <T> T answer(
            GroupCommit.Outcome<T> outcome,
            RequestKey key,
            String operation,
            Object command,
            Class<T> resultType,
            Supplier<T> work,
            String hash) {
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

    /** A request of a bulk write, with its key and fingerprint. */
    private record Keyed<C>(RequestKey key, String hash, C command) {}

    /** One per bulk write: the batch's requests of that kind, with their keys claimed together. */
    private final Map<BulkWrite<?, ?>, Claims<?, ?>> together = new ConcurrentHashMap<>();

    private final class Claims<C, T> implements GroupCommit.Together<Keyed<C>, T> {

        private final BulkWrite<C, T> bulk;
        private final String operation;

        Claims(BulkWrite<C, T> bulk, String operation) {
            this.bulk = bulk;
            this.operation = operation;
        }

        /**
         * Unguarded, no key is looked up: a key stored already (a retry) makes the records' insert
         * fail, and the batch runs again guarded, when the stored keys are read first and replayed.
         */
        @Override
        public List<GroupCommit.Outcome<T>> writeAll(List<Keyed<C>> requests, boolean guarded) {
            Set<List<String>> stored = guarded ? storedKeys(requests) : Set.of();
            Set<List<String>> seen = new HashSet<>();
            List<GroupCommit.Outcome<T>> outcomes = new ArrayList<>(requests.size());
            List<Integer> fresh = new ArrayList<>();
            List<C> commands = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                RequestKey k = requests.get(i).key();
                List<String> id = List.of(k.clientId(), k.idempotencyKey());
                outcomes.add(null);
                if (stored.contains(id)) {
                    outcomes.set(i, new GroupCommit.Replay<>());
                    continue;
                }
                if (!seen.add(id)) {
                    // the same key earlier in this batch: once that has committed (or been refused)
                    outcomes.set(i, new GroupCommit.Alone<>());
                    continue;
                }
                fresh.add(i);
                commands.add(requests.get(i).command());
            }
            if (commands.isEmpty()) {
                return outcomes;
            }
            RoundTrip writes = trips.open();
            List<BulkWrite.Answer<T>> answers = bulk.writeAll(commands, writes);
            List<IdempotencyRow> rows = new ArrayList<>(answers.size());
            long now = clock.millis();
            for (int j = 0; j < fresh.size(); j++) {
                int i = fresh.get(j);
                BulkWrite.Answer<T> a = answers.get(j);
                if (a.refusal() != null) {
                    outcomes.set(i, new GroupCommit.Refused<>(a.refusal()));
                    continue;
                }
                Keyed<C> r = requests.get(i);
                IdempotencyRow row = new IdempotencyRow();
                row.id = ids.nextId();
                row.clientId = r.key().clientId();
                row.idemKey = r.key().idempotencyKey();
                row.operation = operation;
                row.requestHash = r.hash();
                row.response = Json.write(a.result());
                row.createdAt = now;
                rows.add(row);
                outcomes.set(i, new GroupCommit.Done<>(a.result()));
            }
            if (!rows.isEmpty()) {
                batches.insertAll(writes, rows);
            }
            writes.run();
            return outcomes;
        }

        /** The (client, key) pairs of these requests that are stored already. */
        private Set<List<String>> storedKeys(List<Keyed<C>> requests) {
            Map<String, List<String>> byClient = new LinkedHashMap<>();
            for (Keyed<C> r : requests) {
                byClient.computeIfAbsent(r.key().clientId(), c -> new ArrayList<>())
                        .add(r.key().idempotencyKey());
            }
            Set<List<String>> stored = new HashSet<>();
            byClient.forEach((client, keys) -> {
                for (String k : batches.storedKeys(client, keys)) {
                    stored.add(List.of(client, k));
                }
            });
            return stored;
        }
    }

    private void claim(RequestKey key, String operation, String hash) {
        IdempotencyRow row = new IdempotencyRow();
        row.id = ids.nextId();
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
