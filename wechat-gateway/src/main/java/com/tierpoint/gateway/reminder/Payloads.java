package com.tierpoint.gateway.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event's {@code payload_json} as the flat text values template expressions read. */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    /** Top-level scalar fields as text; {@code null}, objects and lists are left out. */
    static Map<String, String> values(String payloadJson) {
        Map<String, String> out = new LinkedHashMap<>();
        if (payloadJson == null || payloadJson.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(payloadJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON", e);
        }
        root.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                out.put(f.getKey(), f.getValue().asText());
            }
        });
        return out;
    }
}
