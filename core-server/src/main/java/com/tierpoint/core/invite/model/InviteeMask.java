package com.tierpoint.core.invite.model;

/** How an invitee is shown to the inviter: recognisable to a friend, useless to anyone else. */
public final class InviteeMask {

    private InviteeMask() {}

    /** The first character (code point) followed by "**"; empty without a nickname. */
    public static String nickname(String nickname) {
        if (nickname == null || nickname.isBlank()) {
            return "";
        }
        String trimmed = nickname.strip();
        return new String(Character.toChars(trimmed.codePointAt(0))) + "**";
    }

    /** The first 3 and last 4 digits, the rest as "*". */
    public static String memberId(long memberId) {
        String id = Long.toString(memberId);
        if (id.length() <= 7) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }
}
