package com.tierpoint.core.support;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;

/** Reads the rich error details the core attaches to a failed call. */
public final class GrpcErrors {

    private GrpcErrors() {}

    /** The ErrorInfo metadata, empty when there is none. */
    public static java.util.Map<String, String> metadata(StatusRuntimeException e) {
        for (Any a : details(e)) {
            if (a.is(ErrorInfo.class)) {
                return unpack(a, ErrorInfo.class).getMetadataMap();
            }
        }
        return java.util.Map.of();
    }

    /** The ErrorInfo reason code, or null. */
    public static String reason(StatusRuntimeException e) {
        for (Any a : details(e)) {
            if (a.is(ErrorInfo.class)) {
                return unpack(a, ErrorInfo.class).getReason();
            }
        }
        return null;
    }

    /** The fields a BadRequest names. */
    public static List<String> fields(StatusRuntimeException e) {
        return details(e).stream()
                .filter(a -> a.is(BadRequest.class))
                .flatMap(a -> unpack(a, BadRequest.class).getFieldViolationsList().stream())
                .map(BadRequest.FieldViolation::getField)
                .toList();
    }

    private static List<Any> details(StatusRuntimeException e) {
        com.google.rpc.Status s = StatusProto.fromThrowable(e);
        return s == null ? List.of() : s.getDetailsList();
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any a, Class<T> type) {
        try {
            return a.unpack(type);
        } catch (InvalidProtocolBufferException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
