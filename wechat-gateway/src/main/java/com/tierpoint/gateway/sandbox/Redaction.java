package com.tierpoint.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Masks app secrets in a request before the sandbox records it. */
final class Redaction {

    static final String MASK = "***";
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "corpsecret");

    private Redaction() {}

    static ReceivedRequest of(ReceivedRequest request) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.replaceAll((name, value) -> SECRET_FIELDS.contains(name) ? MASK : value);
        return new ReceivedRequest(request.at(), request.method(), request.path(), query, body(request.body()));
    }

    private static String body(String body) {
        if (SECRET_FIELDS.stream().noneMatch(body::contains)) {
            return body;
        }
        try {
            JsonNode json = SandboxResponse.JSON.readTree(body);
            if (!(json instanceof ObjectNode object)) {
                return body;
            }
            SECRET_FIELDS.stream().filter(object::has).forEach(field -> object.put(field, MASK));
            return SandboxResponse.JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
