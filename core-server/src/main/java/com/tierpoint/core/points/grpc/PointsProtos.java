package com.tierpoint.core.points.grpc;

import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.proto.v1.PointsTransaction;

/** Ledger lines as protos, for other service edges that return them. */
public final class PointsProtos {

    private PointsProtos() {}

    public static PointsTransaction transaction(TransactionView t) {
        return PointsGrpcService.toProto(t);
    }
}
