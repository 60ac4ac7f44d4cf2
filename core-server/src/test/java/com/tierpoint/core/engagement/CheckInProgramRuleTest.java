package com.tierpoint.core.engagement;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.CheckInRule;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class CheckInProgramRuleTest extends CoreTestBase {

    @Test
    void theCheckInCycleAndGrowthRoundTripThroughTheProgram() {
        useProgram(withCheckIn(CheckInRule.newBuilder()
                .addCyclePoints(10)
                .addCyclePoints(0)
                .addCyclePoints(50)
                .setGrowthPerCheckIn(3)
                .build()));

        Program stored = programs().getProgram(GetProgramRequest.getDefaultInstance());

        assertThat(stored.getCheckIn().getCyclePointsList()).containsExactly(10L, 0L, 50L);
        assertThat(stored.getCheckIn().getGrowthPerCheckIn()).isEqualTo(3);
    }

    @Test
    void aCycleLongerThan31DaysIsRejected() {
        assertRejected(
                CheckInRule.newBuilder()
                        .addAllCyclePoints(Collections.nCopies(32, 5L))
                        .build(),
                "program.check_in.cycle_points");
    }

    @Test
    void aNegativeOrHugeDayRewardIsRejectedNamingTheDay() {
        assertRejected(
                CheckInRule.newBuilder()
                        .addCyclePoints(5)
                        .addCyclePoints(-1)
                        .addCyclePoints(100_001)
                        .build(),
                "program.check_in.cycle_points[1]",
                "program.check_in.cycle_points[2]");
    }

    @Test
    void growthWithoutACycleOrANegativeGrowthIsRejected() {
        assertRejected(CheckInRule.newBuilder().setGrowthPerCheckIn(2).build(), "program.check_in.cycle_points");
        assertRejected(
                CheckInRule.newBuilder()
                        .addCyclePoints(5)
                        .setGrowthPerCheckIn(-2)
                        .build(),
                "program.check_in.growth_per_check_in");
    }

    private static Program withCheckIn(CheckInRule rule) {
        return TestPrograms.standard().toBuilder().setCheckIn(rule).build();
    }

    private static void assertRejected(CheckInRule rule, String... expectedFields) {
        long before =
                programs().getProgram(GetProgramRequest.getDefaultInstance()).getVersion();
        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setProgram(withCheckIn(rule))
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder(expectedFields);
                });
        assertThat(programs().getProgram(GetProgramRequest.getDefaultInstance()).getVersion())
                .as("a rejected program changes nothing")
                .isEqualTo(before);
    }
}
