package com.tierpoint.core.program;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static com.tierpoint.core.support.TestPrograms.cond;
import static com.tierpoint.core.support.TestPrograms.rule;
import static com.tierpoint.core.support.TestPrograms.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.Combinator;
import com.tierpoint.proto.v1.ExpiryKind;
import com.tierpoint.proto.v1.ExpiryPolicy;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.Metric;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.Tier;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ProgramValidationTest extends CoreTestBase {

    @Test
    void aThresholdNotAboveTheLowerTiersIsRejectedNamingTheCondition() {
        Program p = withTier(2, t -> t.toBuilder()
                .setUpgradeRule(
                        rule(Combinator.ALL, cond(Metric.GROWTH_VALUE, 1_000, 0), cond(Metric.SPEND_FEN, 300_000, 365)))
                .build());

        assertRejected(p, "program.tiers[2].upgrade_rule.conditions[0].threshold");
    }

    @Test
    void thresholdViolationsNameTheTierIndexAsSentEvenWhenTiersAreNotInRankOrder() {
        Program standard = TestPrograms.standard();
        Tier diamond = standard.getTiers(3).toBuilder()
                .setUpgradeRule(rule(
                        Combinator.ALL, cond(Metric.GROWTH_VALUE, 1_500, 0), cond(Metric.SPEND_FEN, 1_000_000, 365)))
                .build();
        Program p = standard.toBuilder()
                .clearTiers()
                .addTiers(diamond)
                .addTiers(standard.getTiers(2))
                .addTiers(standard.getTiers(1))
                .addTiers(standard.getTiers(0))
                .build();

        assertRejected(p, "program.tiers[0].upgrade_rule.conditions[0].threshold");
    }

    @Test
    void duplicateRanksAreRejected() {
        assertRejected(withTier(3, t -> t.toBuilder().setRank(2).build()), "program.tiers[3].rank");
    }

    @Test
    void duplicateCodesAreRejected() {
        assertRejected(withTier(3, t -> t.toBuilder().setCode("GOLD").build()), "program.tiers[3].code");
    }

    @Test
    void moreThanTenTiersAreRejected() {
        Program.Builder p =
                TestPrograms.standard().toBuilder().clearTiers().addTiers(tier("T0", "Tier 0", 0, 100, null, 0, null));
        for (int i = 1; i <= 10; i++) {
            p.addTiers(tier(
                    "T" + i,
                    "Tier " + i,
                    i,
                    100 + i * 10,
                    rule(Combinator.ALL, cond(Metric.GROWTH_VALUE, i * 1_000L, 0)),
                    12,
                    null));
        }
        assertThat(p.getTiersCount()).isEqualTo(11);

        assertRejected(p.build(), "program.tiers");
    }

    @Test
    void tenTiersAreAccepted() {
        Program.Builder p =
                TestPrograms.standard().toBuilder().clearTiers().addTiers(tier("T0", "Tier 0", 0, 100, null, 0, null));
        for (int i = 1; i <= 9; i++) {
            p.addTiers(tier(
                    "T" + i,
                    "Tier " + i,
                    i,
                    100 + i * 10,
                    rule(Combinator.ALL, cond(Metric.GROWTH_VALUE, i * 1_000L, 0)),
                    12,
                    null));
        }

        assertThat(useProgram(p.build()).getTiersCount()).isEqualTo(10);
    }

    @Test
    void aNegativeMultiplierIsRejected() {
        assertRejected(
                withTier(2, t -> t.toBuilder().setPointsMultiplierPercent(-150).build()),
                "program.tiers[2].points_multiplier_percent");
    }

    @Test
    void anUnknownTimeZoneIsRejected() {
        assertRejected(
                TestPrograms.standard().toBuilder()
                        .setTimeZone("Mars/Olympus_Mons")
                        .build(),
                "program.time_zone");
    }

    @Test
    void anEntryTierWithAnUpgradeRuleIsRejected() {
        assertRejected(
                withTier(0, t -> t.toBuilder()
                        .setUpgradeRule(rule(Combinator.ALL, cond(Metric.GROWTH_VALUE, 100, 0)))
                        .build()),
                "program.tiers[0].upgrade_rule");
    }

    @Test
    void aTierAboveTheEntryTierWithoutAnUpgradeRuleIsRejected() {
        assertRejected(withTier(2, t -> t.toBuilder().clearUpgradeRule().build()), "program.tiers[2].upgrade_rule");
    }

    @Test
    void aWindowOnGrowthValueIsRejected() {
        assertRejected(
                withTier(1, t -> t.toBuilder()
                        .setUpgradeRule(rule(
                                Combinator.ANY, cond(Metric.GROWTH_VALUE, 1_000, 30), cond(Metric.ORDER_COUNT, 5, 365)))
                        .build()),
                "program.tiers[1].upgrade_rule.conditions[0].window_days");
    }

    @Test
    void daysAfterEarnWithZeroDaysIsRejected() {
        assertRejected(
                TestPrograms.standard().toBuilder()
                        .setPointsExpiry(ExpiryPolicy.newBuilder()
                                .setKind(ExpiryKind.DAYS_AFTER_EARN)
                                .setDays(0))
                        .build(),
                "program.points_expiry.days");
    }

    @Test
    void zeroPerFenIsRejected() {
        Program standard = TestPrograms.standard();
        assertRejected(
                standard.toBuilder()
                        .setEarnRule(standard.getEarnRule().toBuilder().setPerFen(0))
                        .build(),
                "program.earn_rule.per_fen");
        assertRejected(
                standard.toBuilder()
                        .setGrowthRule(standard.getGrowthRule().toBuilder().setPerFen(0))
                        .build(),
                "program.growth_rule.per_fen");
    }

    @Test
    void everyOffendingFieldIsNamedInOneRejection() {
        Program standard = TestPrograms.standard();
        Program p = standard.toBuilder()
                .setTimeZone("Nowhere/Special")
                .setEarnRule(standard.getEarnRule().toBuilder().setPerFen(0))
                .setTiers(3, standard.getTiers(3).toBuilder().setCode("SILVER").setPointsMultiplierPercent(-1))
                .build();

        assertRejected(
                p,
                "program.time_zone",
                "program.earn_rule.per_fen",
                "program.tiers[3].code",
                "program.tiers[3].points_multiplier_percent");
    }

    @Test
    void aValidUpdateBumpsTheVersionByOneAndTakesEffect() {
        Program before = current();
        Program changed = TestPrograms.standard().toBuilder()
                .setName("Renamed Club")
                .setRefundWindowDays(3)
                .build();

        Program saved = useProgram(changed);

        assertThat(saved.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(saved.getName()).isEqualTo("Renamed Club");
        Program now = current();
        assertThat(now).isEqualTo(saved);
        assertThat(now.getRefundWindowDays()).isEqualTo(3);
        assertThat(now.getTiersList()).extracting(Tier::getCode).containsExactly("MEMBER", "SILVER", "GOLD", "DIAMOND");
    }

    @Test
    void aStaleExpectedVersionIsAbortedAndChangesNothing() {
        Program before = current();

        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setProgram(TestPrograms.standard().toBuilder().setName("Too Late"))
                                .setExpectedVersion(before.getVersion() - 1)
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(reason(e)).isEqualTo("STALE_VERSION");
                });
        assertThat(current()).isEqualTo(before);

        Program saved = programs()
                .updateProgram(UpdateProgramRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setProgram(TestPrograms.standard().toBuilder().setName("Just In Time"))
                        .setExpectedVersion(before.getVersion())
                        .build());
        assertThat(saved.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(current().getName()).isEqualTo("Just In Time");
    }

    @Test
    void retryingAnUpdateWithTheSameKeyReturnsTheSameVersionWithoutASecondBump() {
        Program before = current();
        UpdateProgramRequest request = UpdateProgramRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setProgram(TestPrograms.standard().toBuilder().setName("Retried Club"))
                .build();

        Program first = programs().updateProgram(request);
        Program again = programs().updateProgram(request);

        assertThat(first.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(again).isEqualTo(first);
        assertThat(current().getVersion()).isEqualTo(first.getVersion());
    }

    @Test
    void reusingAnUpdateKeyForADifferentProgramIsAConflictWithNoEffect() {
        String key = uniqueKey();
        Program first = programs()
                .updateProgram(UpdateProgramRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setProgram(TestPrograms.standard().toBuilder().setName("First Club"))
                        .build());

        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(key)
                                .setProgram(TestPrograms.standard().toBuilder().setName("Second Club"))
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));
        assertThat(current()).isEqualTo(first);
    }

    private void assertRejected(Program program, String... expectedFields) {
        Program before = current();

        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setProgram(program)
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder(expectedFields);
                });

        Program after = current();
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after).isEqualTo(before);
    }

    private static Program withTier(int index, UnaryOperator<Tier> change) {
        Program standard = TestPrograms.standard();
        return standard.toBuilder()
                .setTiers(index, change.apply(standard.getTiers(index)))
                .build();
    }

    private static Program current() {
        return programs().getProgram(GetProgramRequest.getDefaultInstance());
    }
}
