package com.tierpoint.gateway.sandbox;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values the sandbox hands out: tokens, one-time codes, session keys, link ids. */
final class RandomTokens {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();

    String token() {
        return alphanumeric(64);
    }

    String code() {
        return alphanumeric(32);
    }

    /** 16 random bytes in standard base64: 24 characters, like a real session_key. */
    String sessionKey() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
