package com.tierpoint.core.engagement.model;

/** WeCom customer group ids (chat ids such as {@code wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA}). */
public final class GroupIds {

    public static final int MAX_LENGTH = 64;
    /** How many groups one member may belong to. */
    public static final int MAX_PER_MEMBER = 100;

    public static final String RULE = "must be 1 to " + MAX_LENGTH + " visible ASCII characters";

    private GroupIds() {}

    /** 1 to 64 visible ASCII characters (no spaces, no control characters). */
    public static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
