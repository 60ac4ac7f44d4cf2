package com.tierpoint.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.tierpoint.core.shared.model.FieldViolation;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.RuleRejected;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class ErrorTranslatorTest {

    private static final String METHOD = "tierpoint.v1.PointsService/Earn";

    @Test
    void aLostDatabaseIsUnavailableSoClientsRetry() {
        StatusRuntimeException e = ErrorTranslator.translate(
                new DataAccessResourceFailureException("Communications link failure"), METHOD);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).doesNotContain("Communications link failure");
    }

    @Test
    void anUnexpectedExceptionIsInternalWithAnErrorIdAndNeverUnknown() {
        StatusRuntimeException e = ErrorTranslator.translate(new IllegalStateException("secret detail"), METHOD);
        StatusRuntimeException other = ErrorTranslator.translate(new RuntimeException("boom"), METHOD);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL).isNotEqualTo(Status.Code.UNKNOWN);
        assertThat(e.getStatus().getDescription())
                .matches(".*error id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*")
                .doesNotContain("secret detail");
        assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(errorId(other.getStatus().getDescription()))
                .as("every failure gets its own error id")
                .isNotEqualTo(errorId(e.getStatus().getDescription()));
    }

    @Test
    void anInvalidArgumentCarriesABadRequestNamingEachField() throws InvalidProtocolBufferException {
        InvalidArgument invalid = new InvalidArgument(
                List.of(new FieldViolation("points", "must be positive"), new FieldViolation("reason", "is required")));

        StatusRuntimeException e = ErrorTranslator.translate(invalid, METHOD);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        assertThat(rich).isNotNull();
        assertThat(rich.getDetailsList()).hasSize(1);
        Any detail = rich.getDetails(0);
        assertThat(detail.is(BadRequest.class)).isTrue();
        assertThat(detail.unpack(BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getDescription)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("points", "must be positive"),
                        org.assertj.core.groups.Tuple.tuple("reason", "is required"));
    }

    @Test
    void aRuleRejectionIsFailedPreconditionWithItsReasonInErrorInfo() throws InvalidProtocolBufferException {
        StatusRuntimeException e = ErrorTranslator.translate(
                new RuleRejected("INSUFFICIENT_POINTS", "redeeming 50 points needs that many available"), METHOD);

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(e.getStatus().getDescription()).isEqualTo("redeeming 50 points needs that many available");
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        assertThat(rich).isNotNull();
        Any detail = rich.getDetails(0);
        assertThat(detail.is(ErrorInfo.class)).isTrue();
        ErrorInfo info = detail.unpack(ErrorInfo.class);
        assertThat(info.getReason()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(info.getDomain()).isEqualTo("tierpoint.v1");
    }

    private static String errorId(String description) {
        int at = description.indexOf("error id ");
        return description.substring(at + "error id ".length(), at + "error id ".length() + 36);
    }
}
