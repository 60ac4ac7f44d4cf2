package com.tierpoint.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;

/**
 * One HTTP request the {@link WeChatSandbox} received on an emulated WeChat or WeCom endpoint.
 *
 * <p>Secrets ({@code secret}, {@code corpsecret}) are replaced by {@code ***} before the request is recorded.
 *
 * @param at when it arrived, by the sandbox clock
 * @param method HTTP method
 * @param path path without query, e.g. {@code /cgi-bin/message/subscribe/send}
 * @param query decoded query parameters
 * @param body the UTF-8 request body, {@code ""} when there was none
 */
public record ReceivedRequest(Instant at, String method, String path, Map<String, String> query, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReceivedRequest {
        query = Map.copyOf(query);
        body = body == null ? "" : body;
    }

    /** The body parsed as a JSON object; empty when there is no body. */
    public Map<String, Object> json() {
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("body of " + path + " is not a JSON object", e);
        }
    }
}
