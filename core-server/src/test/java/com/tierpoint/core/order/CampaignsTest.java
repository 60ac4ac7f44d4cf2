package com.tierpoint.core.order;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.Campaign;
import com.tierpoint.proto.v1.GetProgramRequest;
import com.tierpoint.proto.v1.ListTransactionsRequest;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RecordOrderResponse;
import com.tierpoint.proto.v1.Stacking;
import com.tierpoint.proto.v1.UpdateProgramRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Points multiplier campaigns: the window, tier targeting and stacking with the tier multiplier. */
class CampaignsTest extends CoreTestBase {

    /** 2026-11-11 00:00 to 2026-11-12 00:00 in Asia/Shanghai. */
    static final Instant STARTS = Instant.parse("2026-11-10T16:00:00Z");

    static final Instant ENDS = Instant.parse("2026-11-11T16:00:00Z");

    @Test
    void anOrderPaidInsideTheWindowEarnsTheCampaignMultiplierNamedInTheReason() {
        useProgram(withCampaign(Stacking.MULTIPLY, 200));
        String m = newMember();
        clock.set(STARTS.plusSeconds(60));

        RecordOrderResponse r = order(m, 10_000);

        assertThat(r.getPointsGranted()).isEqualTo(200);
        assertThat(lastEarn(m).getReason()).isEqualTo("订单消费 x2 Singles' Day");
    }

    @Test
    void theWindowIsHalfOpen() {
        useProgram(withCampaign(Stacking.MULTIPLY, 200));
        String m = newMember();

        clock.set(STARTS.minusMillis(1));
        assertThat(order(m, 10_000).getPointsGranted()).isEqualTo(100);
        clock.set(STARTS);
        assertThat(order(m, 10_000).getPointsGranted()).isEqualTo(200);
        clock.set(ENDS.minusMillis(1));
        assertThat(order(m, 10_000).getPointsGranted()).isEqualTo(200);
        clock.set(ENDS);
        assertThat(order(m, 10_000).getPointsGranted()).isEqualTo(100);
    }

    @Test
    void theTimeOfPaymentDecidesNotTheTimeOfReporting() {
        useProgram(withCampaign(Stacking.MULTIPLY, 200));
        String m = newMember();
        clock.set(ENDS.plusSeconds(3));

        RecordOrderResponse r = order(m, 10_000, ENDS.minusSeconds(1));

        assertThat(r.getPointsGranted()).isEqualTo(200);
    }

    @Test
    void multiplyStackingMultipliesTheTierMultiplier() {
        assertThat(goldOrderPoints(Stacking.MULTIPLY)).isEqualTo(300);
        assertThat(lastEarnReason).isEqualTo("订单消费 金卡会员 x1.5 · x2 Singles' Day");
    }

    @Test
    void addStackingAddsTheBonuses() {
        assertThat(goldOrderPoints(Stacking.ADD)).isEqualTo(250);
    }

    @Test
    void highestStackingTakesTheLargerMultiplier() {
        assertThat(goldOrderPoints(Stacking.HIGHEST)).isEqualTo(200);
    }

    @Test
    void aCampaignForSomeTiersLeavesTheOthersAtTheirTierMultiplier() {
        useProgram(TestPrograms.standard().toBuilder()
                .addCampaigns(campaign(Stacking.MULTIPLY, 300).toBuilder().addTierCodes("GOLD"))
                .build());
        String m = newMember();
        clock.set(STARTS.plusSeconds(60));

        RecordOrderResponse r = order(m, 10_000);

        assertThat(r.getPointsGranted()).isEqualTo(100);
        assertThat(lastEarn(m).getReason()).isEqualTo("订单消费");
    }

    @Test
    void overlappingCampaignsDoNotStackWithEachOtherTheBestOneApplies() {
        useProgram(TestPrograms.standard().toBuilder()
                .addCampaigns(campaign(Stacking.MULTIPLY, 200))
                .addCampaigns(campaign(Stacking.MULTIPLY, 300).toBuilder()
                        .setCode("TRIPLE")
                        .setName("限时三倍"))
                .build());
        String m = newMember();
        clock.set(STARTS.plusSeconds(60));

        assertThat(order(m, 10_000).getPointsGranted()).isEqualTo(300);
        assertThat(lastEarn(m).getReason()).isEqualTo("订单消费 x3 限时三倍");
    }

    @Test
    void nonsenseCampaignsAreRejectedNamingEachFieldAndChangeNothing() {
        long before =
                programs().getProgram(GetProgramRequest.getDefaultInstance()).getVersion();
        Program p = TestPrograms.standard().toBuilder()
                .addCampaigns(campaign(Stacking.MULTIPLY, 100))
                .addCampaigns(campaign(Stacking.ADD, 200).toBuilder()
                        .setEndsAt(ts(STARTS.minusSeconds(1)))
                        .addTierCodes("PLATINUM"))
                .addCampaigns(campaign(Stacking.MULTIPLY, 200).toBuilder().setCode("double 11"))
                .build();

        assertThatThrownBy(() -> programs()
                        .updateProgram(UpdateProgramRequest.newBuilder()
                                .setIdempotencyKey(uniqueKey())
                                .setProgram(p)
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e))
                            .contains(
                                    "program.campaigns[0].multiplier_percent",
                                    "program.campaigns[1].code",
                                    "program.campaigns[1].ends_at",
                                    "program.campaigns[1].tier_codes",
                                    "program.campaigns[2].code");
                });
        assertThat(programs().getProgram(GetProgramRequest.getDefaultInstance()).getVersion())
                .isEqualTo(before);
    }

    @Test
    void campaignsRoundTripThroughTheProgram() {
        Program stored = useProgram(withCampaign(Stacking.HIGHEST, 250));

        assertThat(stored.getCampaigns(0))
                .isEqualTo(campaign(Stacking.HIGHEST, 250).toBuilder().build());
    }

    // --- helpers

    private String lastEarnReason;

    private long goldOrderPoints(Stacking stacking) {
        useProgram(withCampaign(stacking, 200));
        String m = newMember();
        order(m, 300_000); // Gold (x1.5) from T0
        clock.set(STARTS.plusSeconds(60));
        long held = order(m, 10_000).getPointsGranted();
        lastEarnReason = lastEarn(m).getReason();
        return held;
    }

    private static Program withCampaign(Stacking stacking, int percent) {
        return TestPrograms.standard().toBuilder()
                .addCampaigns(campaign(stacking, percent))
                .build();
    }

    private static Campaign campaign(Stacking stacking, int percent) {
        return Campaign.newBuilder()
                .setCode("DOUBLE11")
                .setName("Singles' Day")
                .setMultiplierPercent(percent)
                .setStartsAt(ts(STARTS))
                .setEndsAt(ts(ENDS))
                .setStacking(stacking)
                .build();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    private RecordOrderResponse order(String m, long fen) {
        return order(m, fen, clock.instant());
    }

    private static RecordOrderResponse order(String m, long fen, Instant paidAt) {
        return orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId("C-" + UUID.randomUUID())
                .setMemberId(m)
                .setAmountFen(fen)
                .setStatus(OrderStatus.PAID)
                .setOccurredAt(ts(paidAt))
                .build());
    }

    private static PointsTransaction lastEarn(String m) {
        return points().listTransactions(ListTransactionsRequest.newBuilder()
                        .setMemberId(m)
                        .setPageSize(1)
                        .build())
                .getTransactions(0);
    }
}
