package com.tierpoint.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the sandbox answers: status, content type, bytes and, for redirects, where to. */
record SandboxResponse(int status, String contentType, byte[] body, String location) {

    SandboxResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, null);
    }

    static final String JSON_TYPE = "application/json; charset=UTF-8";
    static final String PNG_TYPE = "image/png";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON document with status 200, exactly the given fields. */
    static SandboxResponse json(Object value) {
        return json(200, value);
    }

    static SandboxResponse json(int status, Object value) {
        try {
            return new SandboxResponse(status, JSON_TYPE, JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"errcode":0,"errmsg":"ok", ...fields}}. */
    static SandboxResponse ok(Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.putAll(fields);
        return json(body);
    }

    static SandboxResponse ok() {
        return ok(Map.of());
    }

    /** A WeChat error answer: HTTP 200 and {@code {"errcode":..,"errmsg":..}}, as WeChat does. */
    static SandboxResponse error(WeChatError error) {
        return error(200, error);
    }

    static SandboxResponse error(int status, WeChatError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", error.code());
        body.put("errmsg", error.message());
        return json(status, body);
    }

    static SandboxResponse html(String page) {
        return new SandboxResponse(200, "text/html; charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    static SandboxResponse redirect(String location) {
        return new SandboxResponse(302, "text/plain; charset=UTF-8", new byte[0], location);
    }

    static SandboxResponse png(byte[] bytes) {
        return new SandboxResponse(200, PNG_TYPE, bytes);
    }
}
