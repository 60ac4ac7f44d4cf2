package com.tierpoint.gateway.core;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.tierpoint.gateway.api.ApiError;
import com.tierpoint.gateway.api.ApiException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The one place where the core's gRPC statuses become HTTP answers. The core's reason codes
 * ({@code google.rpc.ErrorInfo}) and field violations ({@code google.rpc.BadRequest}) pass
 * through unchanged, so the mini-program sees e.g. {@code INVITE_EXPIRED} as the error code.
 */
public final class CoreErrors {

    private static final Logger log = LoggerFactory.getLogger(CoreErrors.class);

    private CoreErrors() {}

    public static ApiException toApi(StatusRuntimeException e) {
        com.google.rpc.Status detail = StatusProto.fromThrowable(e);
        String message =
                e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
        return switch (e.getStatus().getCode()) {
            case INVALID_ARGUMENT ->
                new ApiException(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", message, fieldErrors(detail), null);
            case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
            case FAILED_PRECONDITION ->
                new ApiException(HttpStatus.CONFLICT, reason(detail, "FAILED_PRECONDITION"), message);
            case ALREADY_EXISTS, ABORTED -> new ApiException(HttpStatus.CONFLICT, reason(detail, "CONFLICT"), message);
            case RESOURCE_EXHAUSTED ->
                new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "CORE_BUSY",
                        "the loyalty core is busy",
                        List.of(),
                        Duration.ofSeconds(1));
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED -> {
                log.warn("core unavailable: {}", e.getStatus());
                yield new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "CORE_UNAVAILABLE",
                        "the loyalty service is unavailable, try again shortly",
                        List.of(),
                        Duration.ofSeconds(2));
            }
            case PERMISSION_DENIED -> {
                // an operator rule (role, inactive) refuses the acting operator, not the gateway
                String reason = reason(detail, "");
                if (reason.startsWith("OPERATOR_")) {
                    yield new ApiException(HttpStatus.FORBIDDEN, reason, message);
                }
                log.error("the core refused the gateway's key: {}", e.getStatus());
                yield new ApiException(HttpStatus.BAD_GATEWAY, "CORE_REFUSED", "the gateway is misconfigured");
            }
            case UNAUTHENTICATED -> {
                log.error("the core refused the gateway's key: {}", e.getStatus());
                yield new ApiException(HttpStatus.BAD_GATEWAY, "CORE_REFUSED", "the gateway is misconfigured");
            }
            default -> {
                log.error("core call failed: {}", e.getStatus());
                yield new ApiException(HttpStatus.BAD_GATEWAY, "CORE_ERROR", "the loyalty service failed");
            }
        };
    }

    private static String reason(com.google.rpc.Status detail, String fallback) {
        if (detail != null) {
            for (var any : detail.getDetailsList()) {
                if (any.is(ErrorInfo.class)) {
                    try {
                        return any.unpack(ErrorInfo.class).getReason();
                    } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }

    private static List<ApiError.FieldError> fieldErrors(com.google.rpc.Status detail) {
        List<ApiError.FieldError> out = new ArrayList<>();
        if (detail == null) {
            return out;
        }
        for (var any : detail.getDetailsList()) {
            if (any.is(BadRequest.class)) {
                try {
                    for (var v : any.unpack(BadRequest.class).getFieldViolationsList()) {
                        out.add(new ApiError.FieldError(v.getField(), v.getDescription()));
                    }
                } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                    return out;
                }
            }
        }
        return out;
    }
}
