package com.tierpoint.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The internal clients and their keys. Only SHA-256 hashes of keys are configured or held; the
 * lookup hashes the presented key and compares it in constant time with every configured hash.
 */
public final class ApiKeys {

    /** A configured client: id, hex SHA-256 of its key, scopes. */
    public record Client(String id, String keySha256, List<String> scopes) {}

    private record Known(byte[] hash, Caller caller) {}

    /** One digest per thread: looking one up costs more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(ApiKeys::newDigest);

    private final Known[] known;

    public ApiKeys(List<Client> clients) {
        Map<String, Known> byHash = new LinkedHashMap<>();
        for (Client c : clients) {
            String hash = c.keySha256() == null ? "" : c.keySha256().trim().toLowerCase();
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("client " + c.id() + ": key-sha256 must be 64 hex digits");
            }
            Known k = new Known(HexFormat.of().parseHex(hash), new Caller(c.id(), Set.copyOf(c.scopes())));
            if (byHash.put(hash, k) != null) {
                throw new IllegalArgumentException("two clients share one key (client " + c.id() + ")");
            }
        }
        this.known = byHash.values().toArray(Known[]::new);
    }

    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        MessageDigest digest = SHA256.get();
        byte[] hash = digest.digest(presentedKey.getBytes(StandardCharsets.UTF_8));
        Caller found = null;
        // every configured hash is compared, each in constant time: the time taken tells nothing
        for (Known k : known) {
            if (MessageDigest.isEqual(k.hash, hash)) {
                found = k.caller;
            }
        }
        return Optional.ofNullable(found);
    }

    public static String sha256(String key) {
        return HexFormat.of().formatHex(newDigest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
