package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.jobs.application.JobScheduler;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.gateway.events.EventStream;
import com.tierpoint.gateway.sandbox.ReceivedRequest;
import com.tierpoint.gateway.support.Eventually;
import com.tierpoint.gateway.support.GatewayInstance;
import com.tierpoint.gateway.support.LogCapture;
import com.tierpoint.proto.v1.Reminders;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The core's points-expiring job writes {@code points.expiring}; the gateway turns it into one
 * subscription message, and only one, across restarts, takeovers and redeliveries.
 */
class PointsExpiringReminderTest extends ReminderTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @BeforeEach
    void remindSevenDaysBeforePointsExpire() {
        useProgram(TestPrograms.standard().toBuilder()
                .setReminders(Reminders.newBuilder().setPointsExpiringDays(7))
                .build());
    }

    @AfterEach
    void theSharedGatewayConsumesAgain() {
        gateway.bean(ReminderStream.class).start();
    }

    @Test
    void theReminderShowsThePointsAndTheirExpiryDate() {
        User u = login();
        allow(u, TPL_POINTS_EXPIRING, 1, 1);
        earn(u.memberId(), 150, "活动奖励");

        runPointsExpiringJob();

        Eventually.await(PATIENCE, "the message", () -> sendsTo(u).size() == 1);
        ReceivedRequest sent = sendsTo(u).get(0);
        assertThat(sent.json().get("template_id")).isEqualTo(TPL_POINTS_EXPIRING);
        assertThat(field(sent, "number1")).isEqualTo("150");
        assertThat(field(sent, "date2")).isEqualTo("2027年3月10日");
    }

    @Test
    void aReminderIsSentOnceEvenAfterAGatewayRestartAndARedelivery() {
        User u = login();
        // quota to spare on both sides: only deduplication can keep a second message away
        allow(u, TPL_POINTS_EXPIRING, 2, 2);
        earn(u.memberId(), 100, "活动奖励");
        // WeChat is down for this member while the first gateway tries: the event stays
        // unacknowledged (the job also reminds members of earlier tests; their sends go through)
        sandbox.faults().failNext(SEND, -1, 10_000, to(u));

        runPointsExpiringJob();
        Eventually.await(PATIENCE, "the first gateway tried", () -> !sendsTo(u).isEmpty());

        // the first gateway stops consuming (a restart); WeChat recovers; a new gateway takes over
        gateway.bean(ReminderStream.class).stop();
        sandbox.faults().clear();
        long takenOverAt;
        try (GatewayInstance second = GatewayInstance.start(clock, gatewayProperties())) {
            EventStream stream = second.bean(ReminderStream.class).stream().orElseThrow();
            Eventually.await(
                    PATIENCE, "delivered by the second gateway", () -> wechatQuota(u, TPL_POINTS_EXPIRING) == 1);
            Eventually.await(PATIENCE, "acknowledged", () -> stream.lastAcknowledged() > 0);
            takenOverAt = stream.lastAcknowledged();
        }

        // every event once more, the reminder's included, to a consumer that starts at the beginning
        Map<String, String> replaying = new java.util.LinkedHashMap<>(gatewayProperties());
        replaying.put("tierpoint.reminders.consumer", "wechat-gateway-reminders-replay");
        replaying.put("tierpoint.card-sync.enabled", "false");
        try (GatewayInstance replay = GatewayInstance.start(clock, replaying)) {
            EventStream stream = replay.bean(ReminderStream.class).stream().orElseThrow();
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the replay passed the reminder's event",
                    () -> stream.lastAcknowledged() >= takenOverAt);
        }

        LogCapture.install();
        assertThat(wechatQuota(u, TPL_POINTS_EXPIRING))
                .as("WeChat delivered exactly one")
                .isEqualTo(1);
        User again = login(u.name(), null); // a year later: the old session has expired
        assertThat(gatewayQuota(again, TPL_POINTS_EXPIRING)).isEqualTo(1);
    }

    /** Runs the core's reminder job 360 days after T0: points earned at T0 expire within 7 days. */
    private static void runPointsExpiringJob() {
        clock.set(T0.plus(Duration.ofDays(360)));
        // the tests' clock starts over at T0 every test; the job's cursor must too
        core.bean(JdbcTemplate.class).update("UPDATE job_lease SET cursor_ms = 0, lease_until = 0");
        JobScheduler jobs = core.bean(JobScheduler.class);
        assertThat(jobs.runLeased(jobs.job("points-expiring-reminder")))
                .hasValueSatisfying(r -> assertThat(r.failed()).isZero());
    }
}
