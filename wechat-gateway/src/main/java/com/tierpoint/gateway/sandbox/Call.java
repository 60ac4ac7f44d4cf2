package com.tierpoint.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.Optional;

/**
 * One call of an emulated endpoint: the request as received and, for endpoints that need an access token, the
 * account the token belongs to.
 */
record Call(ReceivedRequest request, Account caller) {

    Optional<String> query(String name) {
        return Optional.ofNullable(request.query().get(name)).filter(v -> !v.isEmpty());
    }

    /** The body as a JSON object; 44002 when empty, 47001 when not a JSON object. */
    Map<String, Object> json() {
        String body = request.body();
        if (body.isBlank()) {
            throw new WeChatApiException(WeChatError.EMPTY_POST_DATA);
        }
        try {
            return SandboxResponse.JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new WeChatApiException(WeChatError.DATA_FORMAT_ERROR);
        }
    }

    static Optional<String> text(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    static Optional<Number> number(Map<String, Object> json, String field) {
        Object value = json.get(field);
        if (value instanceof Number n) {
            return Optional.of(n);
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Optional.of(Double.valueOf(s.trim()));
            } catch (NumberFormatException e) {
                throw new WeChatApiException(WeChatError.DATA_FORMAT_ERROR);
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Map<String, Object> json, String field) {
        Object value = json.get(field);
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }
}
