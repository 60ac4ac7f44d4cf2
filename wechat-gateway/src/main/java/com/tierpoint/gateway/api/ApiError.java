package com.tierpoint.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error body every failing {@code /api/v1} call answers with, whatever the status.
 *
 * @param code stable, machine-readable: {@code INVALID_ARGUMENT}, {@code UNAUTHENTICATED},
 *     {@code RATE_LIMITED}, {@code CORE_UNAVAILABLE}, or the core's reason such as
 *     {@code INVITE_EXPIRED}
 * @param message for people; never contains secrets
 * @param fields for 400: which request fields are wrong and why
 * @param requestId the id the gateway's log lines for this request carry
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String code, String message, List<FieldError> fields, String requestId) {

    public record FieldError(String field, String reason) {}
}
