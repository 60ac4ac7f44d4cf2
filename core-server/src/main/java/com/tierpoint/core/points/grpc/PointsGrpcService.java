package com.tierpoint.core.points.grpc;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.points.application.EarningPoints;
import com.tierpoint.core.points.application.PointsWriteResult;
import com.tierpoint.core.points.application.ReadingPoints;
import com.tierpoint.core.points.application.RedeemingPoints;
import com.tierpoint.core.points.application.ReversingPoints;
import com.tierpoint.core.points.application.TransactionView;
import com.tierpoint.core.points.model.BalanceSummary;
import com.tierpoint.core.points.model.Draw;
import com.tierpoint.core.points.model.ExpiringPoints;
import com.tierpoint.proto.v1.Balance;
import com.tierpoint.proto.v1.EarnRequest;
import com.tierpoint.proto.v1.GetBalanceRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.ListTransactionsResponse;
import com.tierpoint.proto.v1.LotDraw;
import com.tierpoint.proto.v1.PointsServiceGrpc;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.PointsWriteResponse;
import com.tierpoint.proto.v1.RedeemRequest;
import com.tierpoint.proto.v1.ReverseRequest;
import com.tierpoint.proto.v1.TransactionType;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class PointsGrpcService extends PointsServiceGrpc.PointsServiceImplBase {

    private final EarningPoints earning;
    private final RedeemingPoints redeeming;
    private final ReversingPoints reversing;
    private final ReadingPoints reading;

    PointsGrpcService(
            EarningPoints earning, RedeemingPoints redeeming, ReversingPoints reversing, ReadingPoints reading) {
        this.earning = earning;
        this.redeeming = redeeming;
        this.reversing = reversing;
        this.reading = reading;
    }

    @Override
    public void earn(EarnRequest r, StreamObserver<PointsWriteResponse> out) {
        respond(
                out,
                earning.earn(
                        Protos.key(r.getIdempotencyKey()),
                        new EarningPoints.Command(r.getMemberId(), r.getPoints(), r.getReason(), r.getSource())));
    }

    @Override
    public void redeem(RedeemRequest r, StreamObserver<PointsWriteResponse> out) {
        respond(
                out,
                redeeming.redeem(
                        Protos.key(r.getIdempotencyKey()),
                        new RedeemingPoints.Command(r.getMemberId(), r.getPoints(), r.getReason(), r.getSource())));
    }

    @Override
    public void reverse(ReverseRequest r, StreamObserver<PointsWriteResponse> out) {
        respond(
                out,
                reversing.reverse(
                        Protos.key(r.getIdempotencyKey()),
                        new ReversingPoints.Command(
                                r.getMemberId(), r.getTransactionId(), r.getPoints(), r.getReason(), r.getSource())));
    }

    @Override
    public void getBalance(GetBalanceRequest r, StreamObserver<Balance> out) {
        out.onNext(toProto(reading.balance(r.getMemberId())));
        out.onCompleted();
    }

    @Override
    public void listTransactions(ListTransactionsRequest r, StreamObserver<ListTransactionsResponse> out) {
        ReadingPoints.Page page = reading.transactions(r.getMemberId(), r.getPageSize(), r.getPageToken());
        ListTransactionsResponse.Builder b =
                ListTransactionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.transactions().forEach(t -> b.addTransactions(toProto(t)));
        out.onNext(b.build());
        out.onCompleted();
    }

    private static void respond(StreamObserver<PointsWriteResponse> out, PointsWriteResult result) {
        out.onNext(PointsWriteResponse.newBuilder()
                .setTransaction(toProto(result.transaction()))
                .setBalance(toProto(result.balance()))
                .build());
        out.onCompleted();
    }

    static Balance toProto(BalanceSummary b) {
        Balance.Builder out = Balance.newBuilder().setAvailable(b.available()).setPending(b.pending());
        for (ExpiringPoints e : b.expiringSoonest()) {
            out.addExpiringSoonest(com.tierpoint.proto.v1.ExpiringPoints.newBuilder()
                    .setExpiresAt(Protos.timestamp(e.expiresAt()))
                    .setPoints(e.points()));
        }
        return out.build();
    }

    static PointsTransaction toProto(TransactionView t) {
        PointsTransaction.Builder b = PointsTransaction.newBuilder()
                .setTransactionId(String.valueOf(t.transactionId()))
                .setMemberId(String.valueOf(t.memberId()))
                .setType(TransactionType.valueOf(t.type()))
                .setPoints(t.points())
                .setBalanceAfter(t.balanceAfter())
                .setReason(t.reason())
                .setSource(t.source())
                .setCreatedAt(Protos.timestamp(t.createdAt()));
        if (t.reversedTransactionId() != null) {
            b.setReversedTransactionId(String.valueOf(t.reversedTransactionId()));
        }
        if (t.orderId() != null) {
            b.setOrderId(t.orderId());
        }
        if (t.availableAt() != null) {
            b.setAvailableAt(Protos.timestamp(t.availableAt()));
        }
        Timestamp expires = Protos.expiry(t.expiresAt());
        if (expires != null) {
            b.setExpiresAt(expires);
        }
        for (Draw d : t.lots()) {
            LotDraw.Builder lot =
                    LotDraw.newBuilder().setLotId(String.valueOf(d.lotId())).setPoints(d.points());
            Timestamp lotExpires = Protos.expiry(d.lotExpiresAt());
            if (lotExpires != null) {
                lot.setLotExpiresAt(lotExpires);
            }
            b.addLots(lot);
        }
        return b.build();
    }
}
