package com.tierpoint.core.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;

/**
 * Authenticates every call by its {@code x-api-key} metadata (or {@code authorization: Bearer}),
 * then checks the method's scope. No key or an unknown key: UNAUTHENTICATED; a key without the
 * scope: PERMISSION_DENIED. The standard health service is open, for load-balancer probes.
 */
public final class ApiKeyInterceptor implements ServerInterceptor {

    public static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    public static final Context.Key<Caller> CALLER = Context.key("tierpoint-caller");

    private final ApiKeys keys;

    public ApiKeyInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        if (method.startsWith("grpc.health.v1.Health/")) {
            return next.startCall(call, headers);
        }
        Optional<Caller> caller = keys.authenticate(presentedKey(headers));
        if (caller.isEmpty()) {
            call.close(
                    Status.UNAUTHENTICATED.withDescription("a valid API key is required in 'x-api-key'"),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        String scope = Scopes.requiredFor(method);
        if (scope == null || !Scopes.satisfied(caller.get(), scope)) {
            call.close(
                    Status.PERMISSION_DENIED.withDescription(
                            "client '" + caller.get().clientId() + "' lacks scope "
                                    + (scope == null ? "for " + method : "'" + scope + "'")),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        Context ctx = Context.current().withValue(CALLER, caller.get());
        return Contexts.interceptCall(ctx, call, headers, next);
    }

    private static String presentedKey(Metadata headers) {
        String key = headers.get(API_KEY);
        if (key != null) {
            return key;
        }
        String auth = headers.get(AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return null;
    }

    /** The caller of the current call; only valid inside a call that passed this interceptor. */
    public static Caller caller() {
        Caller c = CALLER.get();
        if (c == null) {
            throw new IllegalStateException("no authenticated caller in this context");
        }
        return c;
    }
}
