package com.tierpoint.gateway.api;

import com.tierpoint.gateway.core.CoreErrors;
import io.grpc.StatusRuntimeException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.UUID;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure of an API call to its HTTP status and the one {@link ApiError} body. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            b.header(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return b.body(new ApiError(e.code(), e.getMessage(), e.fields(), requestId()));
    }

    @ExceptionHandler(StatusRuntimeException.class)
    ResponseEntity<ApiError> core(StatusRuntimeException e) {
        return api(CoreErrors.toApi(e));
    }

    @ExceptionHandler(WxErrorException.class)
    ResponseEntity<ApiError> wechat(WxErrorException e) {
        return api(WeChatErrors.toApi(e));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<ApiError.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return invalid(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
        List<ApiError.FieldError> fields = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new ApiError.FieldError(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid(fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
        List<ApiError.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new ApiError.FieldError(e.getName(), "is not a valid value")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new ApiError.FieldError(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return invalid(List.of(new ApiError.FieldError(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(new ApiError(
                        "INVALID_ARGUMENT",
                        "the request body is not valid JSON for this call",
                        List.of(),
                        requestId()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "send application/json", List.of(), requestId()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ApiError("METHOD_NOT_ALLOWED", e.getMessage(), List.of(), requestId()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(new ApiError("NOT_FOUND", "no such API path", List.of(), requestId()));
    }

    @ExceptionHandler({RedisConnectionFailureException.class, RedisSystemException.class})
    ResponseEntity<ApiError> redis(RuntimeException e) {
        log.warn("Redis unavailable: {}", e.toString());
        return api(ApiException.unavailable("SESSION_STORE_UNAVAILABLE", "try again shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL", "internal error", List.of(), requestId()));
    }

    private static ResponseEntity<ApiError> invalid(List<ApiError.FieldError> fields) {
        String message = fields.stream()
                .map(f -> f.field() + ": " + f.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return ResponseEntity.badRequest().body(new ApiError("INVALID_ARGUMENT", message, fields, requestId()));
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String requestId() {
        String id = MDC.get(RequestIds.MDC_KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
