package com.tierpoint.core.grpc;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.program.model.ExpiryPolicy;
import com.tierpoint.core.shared.model.RequestKey;
import java.time.Instant;

/** Small conversions shared by the service edges. */
public final class Protos {

    private Protos() {}

    public static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    /** Null (leave unset) for "never". */
    public static Timestamp expiry(Instant i) {
        return i == null || ExpiryPolicy.isNever(i) ? null : timestamp(i);
    }

    public static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** The idempotency key, scoped by the authenticated caller. */
    public static RequestKey key(String idempotencyKey) {
        return new RequestKey(ApiKeyInterceptor.caller().clientId(), idempotencyKey);
    }
}
