package com.tierpoint.core.grpc;

import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a call from the transport thread to the workers before anything of it runs — its
 * interceptors included — unless its method is declared {@link AnswersInline}.
 *
 * <p>Each call gets its own sequential lane over the shared workers: the handler's start and every
 * later event of the call (message, half-close, cancel, complete, ready) run there one after
 * another, in the order the transport delivered them, in the call's context. The server itself
 * runs on the transport thread (a direct executor), so a call that stays there pays for no queue
 * at all.
 *
 * <p>When the workers refuse the start of a call (every worker busy, the queue full), the call is
 * answered UNAVAILABLE and nothing of it runs; the same when they refuse a later event of a call
 * whose lane is idle, except its end (cancel or complete): the handler hears that on the
 * transport thread, so that a stream stops sending.
 */
final class ToWorkers {

    private static final Logger log = LoggerFactory.getLogger(ToWorkers.class);

    private final Executor workers;
    private final Set<String> inlineMethods;

    ToWorkers(Executor workers, Set<String> inlineMethods) {
        this.workers = workers;
        this.inlineMethods = Set.copyOf(inlineMethods);
    }

    /** The service with every method not declared inline moved to the workers. */
    ServerServiceDefinition apply(ServerServiceDefinition service) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(service.getServiceDescriptor());
        for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
            b.addMethod(apply(method));
        }
        return b.build();
    }

    private <Q, R> ServerMethodDefinition<Q, R> apply(ServerMethodDefinition<Q, R> method) {
        if (inlineMethods.contains(method.getMethodDescriptor().getFullMethodName())) {
            return method;
        }
        ServerCallHandler<Q, R> next = method.getServerCallHandler();
        return method.withServerCallHandler((call, headers) -> start(call, headers, next));
    }

    private <Q, R> ServerCall.Listener<Q> start(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        Lane<Q, R> lane = new Lane<>(call, MoreExecutors.newSequentialExecutor(workers), Context.current());
        lane.start(next, headers);
        return lane;
    }

    /** The listener the transport sees: every event goes, in order, to the handler's listener on a worker. */
    private static final class Lane<Q, R> extends ServerCall.Listener<Q> {

        private static final ServerCall.Listener<Object> NONE = new ServerCall.Listener<>() {};

        private final ServerCall<Q, R> call;
        private final Executor sequential;
        private final Context context;
        /** The handler's listener, set by the lane's first task; null until then, or when refused. */
        private volatile ServerCall.Listener<Q> delegate;
        /** Set on the transport thread when the workers refused an event of this call. */
        private volatile boolean refused;

        Lane(ServerCall<Q, R> call, Executor sequential, Context context) {
            this.call = call;
            this.sequential = sequential;
            this.context = context;
        }

        @SuppressWarnings("unchecked")
        void start(ServerCallHandler<Q, R> next, Metadata headers) {
            submit(() -> {
                try {
                    delegate = next.startCall(call, headers);
                } catch (RuntimeException e) {
                    delegate = (ServerCall.Listener<Q>) NONE;
                    fail(e);
                }
            });
        }

        @Override
        public void onMessage(Q message) {
            submit(() -> deliver(() -> delegate.onMessage(message)));
        }

        @Override
        public void onHalfClose() {
            submit(() -> deliver(() -> delegate.onHalfClose()));
        }

        @Override
        public void onReady() {
            submit(() -> deliver(() -> delegate.onReady()));
        }

        @Override
        public void onCancel() {
            end(() -> delegate.onCancel());
        }

        @Override
        public void onComplete() {
            end(() -> delegate.onComplete());
        }

        private void submit(Runnable task) {
            if (refused) {
                return;
            }
            try {
                sequential.execute(context.wrap(task));
            } catch (RejectedExecutionException e) {
                refused = true;
                close(Status.UNAVAILABLE.withDescription("the server is busy; retry"), new Metadata());
            }
        }

        /**
         * The last event of a call: its handler must hear it (a stream stops sending on cancel),
         * so when the workers refuse it, it runs here; the lane is idle then, and handlers do no
         * more than note the end.
         */
        private void end(Runnable event) {
            try {
                sequential.execute(context.wrap(() -> deliver(event)));
            } catch (RejectedExecutionException e) {
                context.run(() -> deliver(event));
            }
        }

        private void deliver(Runnable event) {
            if (delegate == null) {
                return; // the workers refused the start: there is no handler to tell
            }
            try {
                event.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /** ErrorTranslator answers what handlers throw; this is what escapes around it. */
        private void fail(RuntimeException e) {
            StatusRuntimeException answer =
                    ErrorTranslator.translate(e, call.getMethodDescriptor().getFullMethodName());
            close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
        }

        private void close(Status status, Metadata trailers) {
            try {
                call.close(status, trailers);
            } catch (IllegalStateException alreadyClosed) {
                log.debug("call already closed when answering {}", status);
            }
        }
    }
}
