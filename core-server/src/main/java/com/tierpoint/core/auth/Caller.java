package com.tierpoint.core.auth;

import java.util.Set;

/** An authenticated internal client and what it may do. */
public record Caller(String clientId, Set<String> scopes) {

    public boolean may(String scope) {
        return scopes.contains(scope);
    }
}
