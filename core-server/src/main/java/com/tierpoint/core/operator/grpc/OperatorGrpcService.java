package com.tierpoint.core.operator.grpc;

import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.operator.application.AdjustingPoints;
import com.tierpoint.core.operator.application.AuditEntryView;
import com.tierpoint.core.operator.application.OperatorView;
import com.tierpoint.core.operator.application.ReadingAudit;
import com.tierpoint.core.operator.application.ReadingOperators;
import com.tierpoint.core.operator.application.RecordingAudit;
import com.tierpoint.core.operator.application.SettingOperator;
import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.operator.model.OperatorRole;
import com.tierpoint.core.points.grpc.PointsProtos;
import com.tierpoint.proto.v1.AdjustPointsRequest;
import com.tierpoint.proto.v1.AdjustPointsResponse;
import com.tierpoint.proto.v1.AuditEntry;
import com.tierpoint.proto.v1.GetOperatorRequest;
import com.tierpoint.proto.v1.ListAuditRequest;
import com.tierpoint.proto.v1.ListAuditResponse;
import com.tierpoint.proto.v1.ListOperatorsRequest;
import com.tierpoint.proto.v1.ListOperatorsResponse;
import com.tierpoint.proto.v1.Operator;
import com.tierpoint.proto.v1.OperatorServiceGrpc;
import com.tierpoint.proto.v1.RecordAuditRequest;
import com.tierpoint.proto.v1.SetOperatorRequest;
import com.tierpoint.proto.v1.SetOperatorResponse;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class OperatorGrpcService extends OperatorServiceGrpc.OperatorServiceImplBase {

    private final ReadingOperators reading;
    private final SettingOperator setting;
    private final AdjustingPoints adjusting;
    private final RecordingAudit recording;
    private final ReadingAudit audit;

    OperatorGrpcService(
            ReadingOperators reading,
            SettingOperator setting,
            AdjustingPoints adjusting,
            RecordingAudit recording,
            ReadingAudit audit) {
        this.reading = reading;
        this.setting = setting;
        this.adjusting = adjusting;
        this.recording = recording;
        this.audit = audit;
    }

    @Override
    public void getOperator(GetOperatorRequest r, StreamObserver<Operator> out) {
        out.onNext(toProto(reading.get(r.getUserId())));
        out.onCompleted();
    }

    @Override
    public void listOperators(ListOperatorsRequest r, StreamObserver<ListOperatorsResponse> out) {
        ListOperatorsResponse.Builder b = ListOperatorsResponse.newBuilder();
        reading.list().forEach(o -> b.addOperators(toProto(o)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void setOperator(SetOperatorRequest r, StreamObserver<SetOperatorResponse> out) {
        SettingOperator.Result result = setting.set(
                Protos.key(r.getIdempotencyKey()),
                new SettingOperator.Command(
                        r.getActorUserId(),
                        r.getUserId(),
                        r.getName(),
                        role(r.getRole()),
                        r.hasDailyGrantCap() ? r.getDailyGrantCap() : null,
                        r.getActive()));
        out.onNext(SetOperatorResponse.newBuilder()
                .setOperator(toProto(result.operator()))
                .setCreated(result.created())
                .setAuditId(String.valueOf(result.auditId()))
                .build());
        out.onCompleted();
    }

    @Override
    public void adjustPoints(AdjustPointsRequest r, StreamObserver<AdjustPointsResponse> out) {
        AdjustingPoints.Result result = adjusting.adjust(
                Protos.key(r.getIdempotencyKey()),
                new AdjustingPoints.Command(r.getActorUserId(), r.getMemberId(), r.getAmount(), r.getReason()));
        out.onNext(AdjustPointsResponse.newBuilder()
                .setTransaction(PointsProtos.transaction(result.transaction()))
                .setPointsAvailable(result.pointsAvailable())
                .setGrantedToday(result.grantedToday())
                .setRemainingToday(result.remainingToday())
                .setDailyGrantCap(result.dailyGrantCap())
                .setAuditId(String.valueOf(result.auditId()))
                .build());
        out.onCompleted();
    }

    @Override
    public void recordAudit(RecordAuditRequest r, StreamObserver<AuditEntry> out) {
        AuditEntryView entry = recording.record(
                Protos.key(r.getIdempotencyKey()),
                new RecordingAudit.Command(
                        r.getActorUserId(),
                        r.getAction(),
                        r.getMemberId(),
                        r.getAmount(),
                        r.getReason(),
                        result(r.getResult()),
                        r.getDetail(),
                        r.getReasonCode()));
        out.onNext(toProto(entry));
        out.onCompleted();
    }

    @Override
    public void listAudit(ListAuditRequest r, StreamObserver<ListAuditResponse> out) {
        ReadingAudit.Page page = audit.list(new ReadingAudit.Query(
                r.getActorUserId(), r.getMemberId(), r.getAction(), r.getPageSize(), r.getPageToken()));
        ListAuditResponse.Builder b = ListAuditResponse.newBuilder().setNextPageToken(page.nextPageToken());
        page.entries().forEach(e -> b.addEntries(toProto(e)));
        out.onNext(b.build());
        out.onCompleted();
    }

    private static OperatorRole role(com.tierpoint.proto.v1.OperatorRole r) {
        return switch (r) {
            case VIEWER -> OperatorRole.VIEWER;
            case OPERATOR -> OperatorRole.OPERATOR;
            case ADMIN -> OperatorRole.ADMIN;
            case OPERATOR_ROLE_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    private static AuditResult result(com.tierpoint.proto.v1.AuditResult r) {
        return switch (r) {
            case OK -> AuditResult.OK;
            case REFUSED -> AuditResult.REFUSED;
            case FAILED -> AuditResult.FAILED;
            case AUDIT_RESULT_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    static Operator toProto(OperatorView v) {
        var o = v.operator();
        return Operator.newBuilder()
                .setUserId(o.userId())
                .setName(o.name())
                .setRole(com.tierpoint.proto.v1.OperatorRole.valueOf(o.role().name()))
                .setDailyGrantCap(o.dailyGrantCap())
                .setGrantedToday(v.grantedToday())
                .setRemainingToday(v.remainingToday())
                .setActive(o.active())
                .setToday(v.today())
                .setCreatedAt(Protos.timestamp(o.createdAt()))
                .setUpdatedAt(Protos.timestamp(o.updatedAt()))
                .build();
    }

    static AuditEntry toProto(AuditEntryView e) {
        AuditEntry.Builder b = AuditEntry.newBuilder()
                .setAuditId(String.valueOf(e.auditId()))
                .setAt(Protos.timestamp(e.at()))
                .setActorUserId(e.actor())
                .setAction(e.action())
                .setAmount(e.amount())
                .setReason(e.reason())
                .setResult(com.tierpoint.proto.v1.AuditResult.valueOf(e.result().name()))
                .setReasonCode(e.reasonCode())
                .setDetail(e.detail());
        if (e.memberId() != null) {
            b.setMemberId(String.valueOf(e.memberId()));
        }
        return b.build();
    }
}
