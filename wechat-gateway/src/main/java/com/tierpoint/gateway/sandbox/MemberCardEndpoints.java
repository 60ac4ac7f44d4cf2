package com.tierpoint.gateway.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Official account membership card APIs: {@code /card/membercard/activate}, {@code /card/membercard/updateuser}
 * and {@code /card/membercard/userinfo/get}. A card code is known once it was issued to a user
 * ({@link WeChatSandbox#issueMemberCard}) or activated; activating an unknown code gives it to the user named by
 * the code.
 */
final class MemberCardEndpoints {

    private static final Account.Kind OFFICIAL_ACCOUNT = Account.Kind.OFFICIAL_ACCOUNT;
    private static final List<String> CUSTOM_FIELDS =
            List.of("custom_field_value1", "custom_field_value2", "custom_field_value3");

    private final SandboxState state;

    MemberCardEndpoints(SandboxState state) {
        this.state = state;
    }

    void addTo(Map<String, Route> routes) {
        routes.put("/card/membercard/activate", Route.post(OFFICIAL_ACCOUNT, this::activate));
        routes.put("/card/membercard/updateuser", Route.post(OFFICIAL_ACCOUNT, this::updateUser));
        routes.put("/card/membercard/userinfo/get", Route.post(OFFICIAL_ACCOUNT, this::userInfo));
    }

    /** Gives a card code to a user of an official account, as receiving the card in WeChat does. */
    void issue(String appId, String cardId, String code, String user) {
        Map<String, Object> card = state.memberCardOrNew(cardId, code);
        card.put("card_id", cardId);
        card.put("code", code);
        card.put("app_id", appId);
        card.put("openid", state.openid(appId, user));
        card.putIfAbsent("activated", false);
        card.putIfAbsent("bonus", 0);
        card.putIfAbsent("balance", 0.0);
    }

    private SandboxResponse activate(Call call) {
        Map<String, Object> body = call.json();
        String cardId = cardId(body);
        String code = code(body);
        String membershipNumber = Call.text(body, "membership_number")
                .orElseThrow(() -> new WeChatApiException(WeChatError.DATA_FORMAT_ERROR));
        if (state.memberCard(cardId, code).isEmpty()) {
            issue(call.caller().appId(), cardId, code, code);
        }
        Map<String, Object> card = state.memberCardOrNew(cardId, code);
        card.put("membership_number", membershipNumber);
        card.put("activated", true);
        Call.number(body, "init_bonus").ifPresent(n -> card.put("bonus", n.intValue()));
        Call.text(body, "init_bonus_record").ifPresent(r -> card.put("bonus_record", r));
        Call.number(body, "init_balance").ifPresent(n -> card.put("balance", n.doubleValue()));
        for (String field : CUSTOM_FIELDS) {
            Call.text(body, "init_" + field).ifPresent(v -> card.put(field, v));
        }
        copyText(body, card, "background_pic_url");
        return SandboxResponse.ok();
    }

    private SandboxResponse updateUser(Call call) {
        Map<String, Object> body = call.json();
        Map<String, Object> card = knownCard(body);
        Call.number(body, "bonus").ifPresent(n -> card.put("bonus", n.intValue()));
        Call.number(body, "add_bonus").ifPresent(n -> card.put("bonus", bonus(card) + n.intValue()));
        Call.number(body, "balance").ifPresent(n -> card.put("balance", n.doubleValue()));
        Call.number(body, "add_balance").ifPresent(n -> card.put("balance", balance(card) + n.doubleValue()));
        copyText(body, card, "record_bonus");
        copyText(body, card, "record_balance");
        copyText(body, card, "background_pic_url");
        for (String field : CUSTOM_FIELDS) {
            copyText(body, card, field);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result_bonus", bonus(card));
        answer.put("result_balance", balance(card));
        answer.put("openid", card.get("openid"));
        return SandboxResponse.ok(answer);
    }

    private SandboxResponse userInfo(Call call) {
        Map<String, Object> card = knownCard(call.json());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("openid", card.get("openid"));
        answer.put("nickname", "");
        answer.put("membership_number", card.getOrDefault("membership_number", ""));
        answer.put("bonus", bonus(card));
        answer.put("balance", balance(card));
        answer.put("sex", "");
        answer.put("user_info", Map.of("common_field_list", List.of(), "custom_field_list", List.of()));
        answer.put("user_card_status", "NORMAL");
        answer.put("has_active", Boolean.TRUE.equals(card.get("activated")));
        return SandboxResponse.ok(answer);
    }

    private Map<String, Object> knownCard(Map<String, Object> body) {
        String cardId = cardId(body);
        String code = code(body);
        return state.memberCard(cardId, code)
                .orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_SERIAL_CODE));
    }

    private static String cardId(Map<String, Object> body) {
        return Call.text(body, "card_id").orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_CARD_ID));
    }

    private static String code(Map<String, Object> body) {
        return Call.text(body, "code").orElseThrow(() -> new WeChatApiException(WeChatError.INVALID_SERIAL_CODE));
    }

    private static void copyText(Map<String, Object> body, Map<String, Object> card, String field) {
        Call.text(body, field).ifPresent(v -> card.put(field, v));
    }

    private static int bonus(Map<String, Object> card) {
        return ((Number) card.getOrDefault("bonus", 0)).intValue();
    }

    private static double balance(Map<String, Object> card) {
        return ((Number) card.getOrDefault("balance", 0.0)).doubleValue();
    }
}
