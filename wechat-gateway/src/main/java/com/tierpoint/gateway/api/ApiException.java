package com.tierpoint.gateway.api;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the client should see as it is: an HTTP status, a stable machine-readable code, a
 * message for people, and for bad input the fields at fault.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ApiError.FieldError> fields;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    public ApiException(
            HttpStatus status, String code, String message, List<ApiError.FieldError> fields, Duration retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String field, String reason) {
        return new ApiException(
                HttpStatus.BAD_REQUEST,
                "INVALID_ARGUMENT",
                field + ": " + reason,
                List.of(new ApiError.FieldError(field, reason)),
                null);
    }

    public static ApiException unauthorized(String code, String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, message);
    }

    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", message, List.of(), retryAfter);
    }

    public static ApiException unavailable(String code, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.FieldError> fields() {
        return fields;
    }

    /** For 429 and 503: when to try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
