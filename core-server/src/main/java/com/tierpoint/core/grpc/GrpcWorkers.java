package com.tierpoint.core.grpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The gRPC worker threads, where calls that may block run. A handler started on the transport
 * thread ({@link AnswersInline}) uses {@link #answer} for its blocking part: the work runs on a
 * worker, in the call's context (the authenticated caller), and whatever it throws reaches the
 * client as {@link ErrorTranslator} would have made it.
 */
public final class GrpcWorkers {

    /** The blocking part of a call; it answers the call itself. */
    @FunctionalInterface
    public interface Work {
        void run();
    }

    private final ExecutorService executor;

    GrpcWorkers(ExecutorService executor) {
        this.executor = executor;
    }

    ExecutorService executor() {
        return executor;
    }

    public void answer(StreamObserver<?> out, String method, Work work) {
        Runnable task = Context.current().wrap(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                out.onError(ErrorTranslator.translate(e, method));
            }
        });
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            out.onError(Status.UNAVAILABLE
                    .withDescription("the server is busy; retry")
                    .asRuntimeException());
        }
    }
}
