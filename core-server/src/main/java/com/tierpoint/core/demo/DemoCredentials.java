package com.tierpoint.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The quickstart's API key: random, made once and kept in {@code ./data/demo-api-key} (owner-only),
 * where the CLI finds it. Only the hash is registered with the server.
 */
public final class DemoCredentials {

    public static final Path DEFAULT_FILE = Path.of("data", "demo-api-key");

    private final String key;

    private DemoCredentials(String key) {
        this.key = key;
    }

    public static DemoCredentials loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return new DemoCredentials(
                        Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String key = "tp_demo_" + HexFormat.of().formatHex(bytes);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            return new DemoCredentials(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public String key() {
        return key;
    }
}
