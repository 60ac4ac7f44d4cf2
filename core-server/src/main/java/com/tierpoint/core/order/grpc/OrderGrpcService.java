package com.tierpoint.core.order.grpc;

import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.order.application.OrderResult;
import com.tierpoint.core.order.application.OrderStatus;
import com.tierpoint.core.order.application.RecordingOrder;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.proto.v1.OrderServiceGrpc;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.TierSummary;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class OrderGrpcService extends OrderServiceGrpc.OrderServiceImplBase {

    private final RecordingOrder recording;
    private final ProgramStore programs;

    OrderGrpcService(RecordingOrder recording, ProgramStore programs) {
        this.recording = recording;
        this.programs = programs;
    }

    @Override
    public void recordOrder(RecordOrderRequest r, StreamObserver<RecordOrderResponse> out) {
        OrderResult result = recording.record(
                Protos.key(r.getIdempotencyKey()),
                new RecordingOrder.Command(
                        r.getOrderId(),
                        r.getMemberId(),
                        r.getAmountFen(),
                        r.getRefundedFen(),
                        status(r.getStatus()),
                        r.hasOccurredAt() && r.getOccurredAt().getSeconds() != 0
                                ? Protos.instant(r.getOccurredAt())
                                : null));
        TierDefinition tier = programs.current().tier(result.tierCode());
        out.onNext(RecordOrderResponse.newBuilder()
                .setOrderId(result.orderId())
                .setMemberId(String.valueOf(result.memberId()))
                .setStatus(com.tierpoint.proto.v1.OrderStatus.valueOf(
                        result.status().name()))
                .setPointsGranted(result.pointsGranted())
                .setPointsPending(result.pointsPending())
                .setPointsAvailableAt(Protos.timestamp(result.pointsAvailableAt()))
                .setGrowthGranted(result.growthGranted())
                .setPointsReversed(result.pointsReversed())
                .setPointsUnrecovered(result.pointsUnrecovered())
                .setTier(TierSummary.newBuilder()
                        .setCode(tier.code())
                        .setName(tier.name())
                        .setRank(tier.rank()))
                .setTierUpgraded(result.tierUpgraded())
                .build());
        out.onCompleted();
    }

    private static OrderStatus status(com.tierpoint.proto.v1.OrderStatus s) {
        return switch (s) {
            case PAID -> OrderStatus.PAID;
            case PARTIALLY_REFUNDED -> OrderStatus.PARTIALLY_REFUNDED;
            case REFUNDED -> OrderStatus.REFUNDED;
            case COMPLETED -> OrderStatus.COMPLETED;
            default -> null; // reported as "status is required"
        };
    }
}
