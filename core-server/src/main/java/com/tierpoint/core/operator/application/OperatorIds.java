package com.tierpoint.core.operator.application;

import com.tierpoint.core.shared.model.Validation;
import java.util.regex.Pattern;

/** WeCom userids: 1-64 characters of letters, digits and {@code _ - @ .}, starting with a letter or digit. */
final class OperatorIds {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_@.\\-]{0,63}");

    private OperatorIds() {}

    static void validate(String userId, String field, Validation v) {
        if (userId == null || userId.isEmpty()) {
            v.require(false, field, "is required");
        } else {
            v.require(
                    USER_ID.matcher(userId).matches(),
                    field,
                    "must be a WeCom userid: 1 to 64 letters, digits or _-@. starting with a letter or digit");
        }
    }
}
