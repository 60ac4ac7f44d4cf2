package com.tierpoint.core.grpc;

import java.util.Set;

/**
 * A service whose listed methods start on the transport thread instead of a gRPC worker: their
 * handlers answer from memory when they can, without blocking, and hand the rest to {@link
 * GrpcWorkers} themselves. Every other method of every service runs on the workers.
 */
public interface AnswersInline {

    /** Full method names ({@code package.Service/Method}). */
    Set<String> inlineMethods();
}
