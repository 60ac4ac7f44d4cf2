package com.tierpoint.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The internal clients and their keys. Only SHA-256 hashes of keys are configured or held; the
 * lookup hashes the presented key and compares in constant time.
 */
public final class ApiKeys {

    /** A configured client: id, hex SHA-256 of its key, scopes. */
    public record Client(String id, String keySha256, List<String> scopes) {}

    private final Map<String, Caller> byHash = new HashMap<>();

    public ApiKeys(List<Client> clients) {
        for (Client c : clients) {
            String hash = c.keySha256() == null ? "" : c.keySha256().trim().toLowerCase();
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("client " + c.id() + ": key-sha256 must be 64 hex digits");
            }
            if (byHash.put(hash, new Caller(c.id(), Set.copyOf(c.scopes()))) != null) {
                throw new IllegalArgumentException("two clients share one key (client " + c.id() + ")");
            }
        }
    }

    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 256) {
            return Optional.empty();
        }
        String hash = sha256(presentedKey);
        for (Map.Entry<String, Caller> e : byHash.entrySet()) {
            if (MessageDigest.isEqual(
                    e.getKey().getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
