package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.gateway.sandbox.ReceivedRequest;
import com.tierpoint.gateway.support.Eventually;
import com.tierpoint.gateway.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** After three days in a row, a member who has not checked in by 20:00 hears about the streak. */
class StreakAtRiskReminderTest extends ReminderTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aMemberWithAThreeDayStreakWhoHasNotCheckedInBy20HearsAboutItOnce() {
        User missing = login();
        User faithful = login();
        allow(missing, TPL_STREAK, 1, 2);
        allow(faithful, TPL_STREAK, 1, 1);
        for (int day = 0; day < 3; day++) {
            clock.set(T0.plus(Duration.ofDays(day)));
            checkIn(missing);
            checkIn(faithful);
        }
        clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(2))); // the 4th day, 12:00
        checkIn(faithful);
        String faithfulsCheck = faithful.memberId() + "|2026-03-13";
        StringRedisTemplate redis = gateway.bean(StringRedisTemplate.class);
        Eventually.await(
                PATIENCE,
                "the 4th day's check is scheduled",
                () -> redis.opsForZSet().score(StreakWatch.DUE, faithfulsCheck) != null);

        clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(10))); // the 4th day, 20:00

        // days passed: WeChat's access token too, so an attempt may be refused and retried
        Eventually.await(PATIENCE, "the streak reminder", () -> wechatQuota(missing, TPL_STREAK) == 1);
        List<ReceivedRequest> sent = sendsTo(missing, TPL_STREAK);
        assertThat(field(sent.get(sent.size() - 1), "number1")).isEqualTo("3");
        Eventually.await(
                PATIENCE,
                "the faithful member's check was taken",
                () -> redis.opsForZSet().score(StreakWatch.DUE, faithfulsCheck) == null);
        Eventually.holdsFor(
                Duration.ofMillis(800),
                "nothing for a member who checked in, one message for the other",
                () -> sendsTo(faithful).isEmpty() && wechatQuota(missing, TPL_STREAK) == 1);
    }

    private static void checkIn(User u) {
        User now = login(u.name(), null); // days pass: a fresh session each time
        Http.Response r = http.post("/api/v1/checkin", Map.of(), now.accessToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
