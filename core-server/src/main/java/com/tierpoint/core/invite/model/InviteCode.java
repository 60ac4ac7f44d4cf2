package com.tierpoint.core.invite.model;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Invite codes: 10 characters of Crockford base32 (50 random bits), short enough for a
 * mini-program code's {@code scene} (at most 32 visible characters) and easy to read aloud.
 * Reading is forgiving the Crockford way: any case, hyphens ignored, O read as 0, I and L as 1.
 */
public final class InviteCode {

    public static final int LENGTH = 10;
    /** The longest text accepted where a code is expected (a mini-program scene). */
    public static final int MAX_INPUT_LENGTH = 32;

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private InviteCode() {}

    /** A new random code. */
    public static String generate(RandomGenerator random) {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** Whether the text may be sent as a code at all: 1 to 32 visible ASCII characters. */
    public static boolean wellFormed(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_INPUT_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x21 || ch > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The canonical code for what a user typed or scanned, or null when it cannot be a code. */
    public static String canonical(String text) {
        if (!wellFormed(text)) {
            return null;
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char ch : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ch == '-') {
                continue;
            }
            char c =
                    switch (ch) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        default -> ch;
                    };
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            out.append(c);
        }
        return out.length() == LENGTH ? out.toString() : null;
    }
}
