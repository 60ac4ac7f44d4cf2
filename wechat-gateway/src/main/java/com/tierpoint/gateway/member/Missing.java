package com.tierpoint.gateway.member;

import java.util.List;

/** Says in one line what a member still needs: "再消费¥300.00并邀请1位好友即可升级金卡会员". */
final class Missing {

    private Missing() {}

    static String summary(List<MemberCard.Requirement> requirements, boolean any, String outcome) {
        List<String> parts =
                requirements.stream().filter(r -> !r.met()).map(Missing::phrase).toList();
        if (parts.isEmpty()) {
            return "已满足条件";
        }
        return "再" + String.join(any ? "或" : "并", parts) + outcome;
    }

    static String phrase(MemberCard.Requirement r) {
        long gap = r.missing();
        return switch (r.metric()) {
            case "SPEND_FEN" -> "消费¥" + gap / 100 + "." + String.format("%02d", gap % 100);
            case "VALID_INVITES" -> "邀请" + gap + "位好友";
            case "ORDER_COUNT" -> "下单" + gap + "笔";
            case "GROWTH_VALUE" -> "获得" + gap + "成长值";
            default -> r.metric() + " " + gap;
        };
    }
}
