package com.tierpoint.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.OrderStatus;
import com.tierpoint.proto.v1.RecordOrderRequest;
import com.tierpoint.proto.v1.RedeemRequest;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxTest extends CoreTestBase {

    @Autowired
    OutboxMapper outbox;

    @Test
    void everyChangeWritesItsEventsInOrderStampedWithTheMemberVersion() {
        String m = newMember();
        earn(m, 50);
        orders().recordOrder(RecordOrderRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setOrderId("OB-" + m)
                .setMemberId(m)
                .setAmountFen(150_000)
                .setStatus(OrderStatus.PAID)
                .build());

        List<OutboxRow> rows = outbox.ofMember(Long.parseLong(m));

        assertThat(rows)
                .extracting(r -> r.eventType)
                .containsExactly(
                        "member.enrolled",
                        "points.earned",
                        "points.earned",
                        "growth.changed",
                        "tier.upgraded",
                        "order.recorded");
        assertThat(rows).extracting(r -> r.memberVersion).containsExactly(1L, 2L, 3L, 3L, 3L, 3L);
        assertThat(rows.get(3).payload).contains("\"growth\":1500", "\"growth_value\":1500");
        assertThat(rows.get(4).payload).contains("\"from_tier\":\"MEMBER\"", "\"to_tier\":\"SILVER\"");
        assertThat(rows.get(1).payload).contains("\"points\":50", "\"member_id\":\"" + m + "\"");
    }

    @Test
    void aRefusedWriteLeavesNoEvent() {
        String m = newMember();
        int before = outbox.ofMember(Long.parseLong(m)).size();

        assertThatThrownBy(() -> points().redeem(RedeemRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setMemberId(m)
                        .setPoints(1)
                        .setReason("x")
                        .build()))
                .isInstanceOf(StatusRuntimeException.class);

        assertThat(outbox.ofMember(Long.parseLong(m))).hasSize(before);
    }
}
