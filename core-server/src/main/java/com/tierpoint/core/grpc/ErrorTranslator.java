package com.tierpoint.core.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.tierpoint.core.program.application.ProgramNotConfigured;
import com.tierpoint.core.shared.model.DomainException;
import com.tierpoint.core.shared.model.FieldViolation;
import com.tierpoint.core.shared.model.IdempotencyConflict;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.NotPermitted;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.StaleVersion;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.lettuce.core.RedisException;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one place where exceptions become gRPC statuses. Services just throw; nothing leaves as
 * UNKNOWN. Rule rejections carry a {@code google.rpc.ErrorInfo} with a stable reason code and
 * bad input a {@code google.rpc.BadRequest} naming each field.
 */
public final class ErrorTranslator implements ServerInterceptor {

    /** The {@code google.rpc.ErrorInfo} domain of every reason code the core sends. */
    public static final String DOMAIN = "tierpoint.v1";

    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
            close(call, e);
            return new ServerCall.Listener<>() {};
        }
        return new SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static void close(ServerCall<?, ?> call, RuntimeException e) {
        StatusRuntimeException sre = translate(e, call.getMethodDescriptor().getFullMethodName());
        try {
            call.close(sre.getStatus(), sre.getTrailers() == null ? new Metadata() : sre.getTrailers());
        } catch (IllegalStateException alreadyClosed) {
            log.debug("call already closed when translating {}", e.toString());
        }
    }

    /** Maps an exception to the status the client sees. */
    public static StatusRuntimeException translate(Throwable e, String method) {
        if (e instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (e instanceof DomainException d) {
            return domain(d);
        }
        if (e instanceof ProgramNotConfigured) {
            return withInfo(Code.FAILED_PRECONDITION, e.getMessage(), "PROGRAM_NOT_CONFIGURED");
        }
        if (e instanceof PessimisticLockingFailureException) {
            return status(
                    Code.ABORTED, "the write collided with a concurrent one; retry with the same idempotency key");
        }
        // DataAccessResourceFailure covers a refused JDBC connection, Transient a query timeout
        if (e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof CannotCreateTransactionException) {
            log.warn("{} failed: database unavailable: {}", method, e.toString());
            return status(Code.UNAVAILABLE, "the loyalty database is unavailable; retry with the same idempotency key");
        }
        if (e instanceof RedisException) {
            log.warn("{} failed on Redis: {}", method, e.toString());
            return status(Code.UNAVAILABLE, "a dependency is unavailable; retry");
        }
        String errorId = UUID.randomUUID().toString();
        log.error("{} failed unexpectedly (error id {})", method, errorId, e);
        return status(Code.INTERNAL, "internal error (error id " + errorId + ")");
    }

    private static StatusRuntimeException domain(DomainException d) {
        if (d instanceof InvalidArgument ia) {
            BadRequest.Builder br = BadRequest.newBuilder();
            for (FieldViolation v : ia.violations()) {
                br.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(v.field())
                        .setDescription(v.description()));
            }
            return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage(ia.getMessage())
                    .addDetails(Any.pack(br.build()))
                    .build());
        }
        if (d instanceof RuleRejected rr) {
            return withInfo(Code.FAILED_PRECONDITION, rr.getMessage(), rr.reason(), rr.metadata());
        }
        if (d instanceof NotPermitted np) {
            return withInfo(Code.PERMISSION_DENIED, np.getMessage(), np.reason());
        }
        if (d instanceof IdempotencyConflict) {
            return withInfo(Code.ALREADY_EXISTS, d.getMessage(), "IDEMPOTENCY_KEY_REUSED");
        }
        if (d instanceof StaleVersion) {
            return withInfo(Code.ABORTED, d.getMessage(), "STALE_VERSION");
        }
        if (d instanceof NotFound) {
            return status(Code.NOT_FOUND, d.getMessage());
        }
        throw new IllegalStateException("unmapped " + d.getClass());
    }

    private static StatusRuntimeException withInfo(Code code, String message, String reason) {
        return withInfo(code, message, reason, Map.of());
    }

    private static StatusRuntimeException withInfo(
            Code code, String message, String reason, Map<String, String> metadata) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain(DOMAIN)
                        .putAllMetadata(metadata)
                        .build()))
                .build());
    }

    private static StatusRuntimeException status(Code code, String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .build());
    }
}
