package com.tierpoint.core.member.model;

import java.util.Optional;

/**
 * A mainland China mobile number, normalized to its 11 digits ("13800138000"). Accepts an
 * optional "+86" / "86" / "0086" prefix and spaces, hyphens or dots between the digits.
 */
public final class Phone {

    private Phone() {}

    /** The normalized number, or empty when the text is not a mainland mobile number. */
    public static Optional<String> normalize(String text) {
        if (text == null || text.length() > 32) {
            return Optional.empty();
        }
        String digits = text.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        digits = digits.replaceAll("[\\s.\\-()]", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        if (digits.length() == 15 && digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return digits.matches("1[3-9][0-9]{9}") ? Optional.of(digits) : Optional.empty();
    }
}
