package com.tierpoint.core.engagement.model;

/** How a member's nickname is shown on a public board: enough to recognise oneself, no more. */
public final class Nicknames {

    private Nicknames() {}

    /**
     * "张三" -> "张*", "Alice" -> "A***e", "王" -> "王*"; no nickname -> "会员" and the last 4
     * digits of the member id. Counts characters (code points), so emoji are never split.
     */
    public static String masked(String nickname, long memberId) {
        if (nickname == null || nickname.isBlank()) {
            String id = String.valueOf(memberId);
            return "会员" + id.substring(Math.max(0, id.length() - 4));
        }
        int[] cps = nickname.strip().codePoints().toArray();
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length <= 2) {
            return out.append('*').toString();
        }
        out.append("*".repeat(cps.length - 2));
        return out.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
