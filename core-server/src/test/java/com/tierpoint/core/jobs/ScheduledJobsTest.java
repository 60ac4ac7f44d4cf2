package com.tierpoint.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.core.jobs.application.JobRun;
import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.BirthdayGift;
import com.tierpoint.proto.v1.PointsTransaction;
import com.tierpoint.proto.v1.Program;
import com.tierpoint.proto.v1.Reminders;
import com.tierpoint.proto.v1.RetentionDrop;
import com.tierpoint.proto.v1.TransactionType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduledJobsTest extends JobsTestBase {

    @Test
    void expiryJobExpiresLotsOfMembersNobodyTouchedExactlyOnce() {
        String m = newMember();
        earn(m, 100);
        clock.advance(Duration.ofHours(1));
        earn(m, 40);

        clock.set(T0.plus(Duration.ofDays(365)).plus(Duration.ofMinutes(30)));
        run("points-expiry");
        run("points-expiry");

        List<PointsTransaction> expired = ofType(m, TransactionType.EXPIRE);
        assertThat(expired).hasSize(1);
        assertThat(expired.get(0).getPoints()).isEqualTo(-100);
        assertThat(expired.get(0).getLotsList()).hasSize(1);
        assertThat(balance(m)).isEqualTo(40);
        assertThat(events(m, "points.expired")).hasSize(1);

        clock.advance(Duration.ofHours(1));
        run("points-expiry");
        assertThat(ofType(m, TransactionType.EXPIRE))
                .extracting(PointsTransaction::getPoints)
                .containsExactly(-40L, -100L);
        assertThat(balance(m)).isZero();
    }

    @Test
    void anInterruptedExpiryRunIsFinishedByTheNextWithoutDoubleEffects() {
        List<String> ms = List.of(newMember(), newMember(), newMember(), newMember(), newMember());
        ms.forEach(m -> earn(m, 10));
        clock.set(T0.plus(Duration.ofDays(366)));

        JobRun first = scheduler.job("points-expiry").run(clock.instant(), 2);
        assertThat(first.complete()).isFalse();
        assertThat(first.processed()).isEqualTo(2);
        run("points-expiry");

        for (String m : ms) {
            assertThat(balance(m)).isZero();
            assertThat(ofType(m, TransactionType.EXPIRE)).hasSize(1);
        }
    }

    @Test
    void pointsExpiringReminderIsWrittenOncePerLastValidDay() {
        useProgram(withReminders(7, 0));
        String m = newMember();
        earn(m, 100);
        clock.advance(Duration.ofHours(2));
        earn(m, 50);

        clock.set(T0.plus(Duration.ofDays(360)));
        run("points-expiring-reminder");
        run("points-expiring-reminder");

        List<OutboxRow> reminders = events(m, "points.expiring");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).payload)
                .contains(
                        "\"points\":150",
                        "\"last_valid_day\":\"2027-03-10\"",
                        "\"expires_at\":\"2027-03-10T02:00:00Z\"");
    }

    @Test
    void noReminderWhenTheProgramAsksForNone() {
        String m = newMember();
        earn(m, 100);
        clock.set(T0.plus(Duration.ofDays(364)));

        run("points-expiring-reminder");

        assertThat(events(m, "points.expiring")).isEmpty();
    }

    @Test
    void aGoldMemberWhoMetTheRetentionRuleKeepsGoldForAnotherPeriod() {
        String m = goldMember();
        // ¥2000 within the 365 days before the deadline keeps Gold
        clock.set(Instant.parse("2027-01-05T04:00:00Z"));
        order(m, 200_000);

        clock.set(Instant.parse("2027-03-10T16:30:00Z"));
        run("tier-retention");
        run("tier-retention");

        assertThat(member(m).getTier().getCode()).isEqualTo("GOLD");
        assertThat(member(m).getTierValidUntil().getSeconds())
                .isEqualTo(Instant.parse("2028-03-10T16:00:00Z").getEpochSecond());
        assertThat(events(m, "tier.renewed")).hasSize(1);
        assertThat(events(m, "tier.downgraded")).isEmpty();
    }

    @Test
    void aGoldMemberWhoMissedTheRetentionRuleDropsOneTierOnce() {
        String m = goldMember();

        clock.set(Instant.parse("2027-03-10T16:30:00Z"));
        run("tier-retention");
        run("tier-retention");

        assertThat(member(m).getTier().getCode()).isEqualTo("SILVER");
        List<OutboxRow> drops = events(m, "tier.downgraded");
        assertThat(drops).hasSize(1);
        assertThat(drops.get(0).payload)
                .contains("\"from_tier\":\"GOLD\"", "\"to_tier\":\"SILVER\"", "\"reason\":\"retention_missed\"");
    }

    @Test
    void dropToQualifiedSkipsTiersWhoseRulesTheMemberNoLongerMeets() {
        String oneTier = diamondMember();
        clock.advance(Duration.ofDays(1));
        String toQualified = diamondMember();

        clock.set(Instant.parse("2027-03-10T16:30:00Z"));
        run("tier-retention");
        assertThat(member(oneTier).getTier().getCode()).isEqualTo("GOLD");

        useProgram(TestPrograms.standard().toBuilder()
                .setRetentionDrop(RetentionDrop.TO_QUALIFIED)
                .build());
        clock.set(Instant.parse("2027-03-11T16:30:00Z"));
        run("tier-retention");
        // Gold needs ¥3000 in the last 365 days, gone by now; Silver's growth rule still holds
        assertThat(member(toQualified).getTier().getCode()).isEqualTo("SILVER");
        assertThat(member(oneTier).getTier().getCode()).isEqualTo("GOLD");
    }

    @Test
    void tierExpiringReminderSaysWhatKeepingTheTierTakesOnce() {
        useProgram(withReminders(0, 14));
        String m = goldMember();
        clock.set(Instant.parse("2027-01-05T04:00:00Z"));
        order(m, 50_000);

        clock.set(Instant.parse("2027-03-01T04:00:00Z"));
        run("tier-expiring-reminder");
        run("tier-expiring-reminder");

        List<OutboxRow> reminders = events(m, "tier.expiring");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).payload)
                .contains(
                        "\"tier\":\"GOLD\"",
                        "\"retention_met\":false",
                        "\"missing\":150000",
                        "\"summary\":\"再消费¥1500.00即可保级金卡会员，截至2027-03-10\"");
    }

    @Test
    void birthdayGiftIsGrantedInTheBirthdayMonthOncePerYear() {
        useProgram(TestPrograms.standard().toBuilder()
                .setBirthdayGift(BirthdayGift.newBuilder().setPoints(88).setGrowth(20))
                .build());
        String march = enrollBornOn("1990-03-28");
        String april = enrollBornOn("1990-04-02");

        run("birthday-gift");
        run("birthday-gift");

        assertThat(ofType(march, TransactionType.EARN)).singleElement().satisfies(t -> {
            assertThat(t.getPoints()).isEqualTo(88);
            assertThat(t.getReason()).isEqualTo("生日礼 2026");
        });
        assertThat(member(march).getGrowthValue()).isEqualTo(20);
        assertThat(events(march, "birthday.granted")).hasSize(1);
        assertThat(ofType(april, TransactionType.EARN)).isEmpty();

        clock.set(Instant.parse("2027-03-02T01:00:00Z"));
        run("birthday-gift");
        assertThat(ofType(march, TransactionType.EARN)).hasSize(2);
    }

    @Test
    void idempotencyRecordsAreForgottenAfterTheRetention() {
        String m = newMember();
        earn(m, 1);
        Integer before = jdbc.queryForObject(
                "SELECT COUNT(*) FROM idempotency_record WHERE created_at <= ?", Integer.class, T0.toEpochMilli());
        assertThat(before).isPositive();

        clock.set(T0.plus(Duration.ofDays(31)));
        run("idempotency-purge");

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM idempotency_record WHERE created_at <= ?",
                        Integer.class,
                        T0.toEpochMilli()))
                .isZero();
    }

    @Test
    void aJobWhoseLeaseIsHeldElsewhereDoesNotRun() {
        jdbc.update(
                "UPDATE job_lease SET owner = 'another-instance', lease_until = ? WHERE name = 'points-expiry'",
                clock.instant().plus(Duration.ofMinutes(5)).toEpochMilli());
        if (jdbc.queryForObject("SELECT COUNT(*) FROM job_lease WHERE name = 'points-expiry'", Integer.class) == 0) {
            jdbc.update(
                    "INSERT INTO job_lease (name, owner, lease_until, cursor_ms) VALUES ('points-expiry', 'another-instance', ?, 0)",
                    clock.instant().plus(Duration.ofMinutes(5)).toEpochMilli());
        }

        assertThat(scheduler.runLeased(scheduler.job("points-expiry"))).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(scheduler.runLeased(scheduler.job("points-expiry"))).isPresent();
    }

    // --- helpers

    private void run(String job) {
        assertThat(scheduler.runLeased(scheduler.job(job)))
                .hasValueSatisfying(r -> assertThat(r.failed()).isZero());
    }

    private static Program withReminders(int pointsDays, int tierDays) {
        return TestPrograms.standard().toBuilder()
                .setReminders(
                        Reminders.newBuilder().setPointsExpiringDays(pointsDays).setTierExpiringDays(tierDays))
                .build();
    }

    /** Gold from an order of ¥3000 at T0: valid until the end of 2027-03-10 (Asia/Shanghai). */
    private String goldMember() {
        String m = newMember();
        order(m, 300_000);
        assertThat(member(m).getTier().getCode()).isEqualTo("GOLD");
        return m;
    }

    private String diamondMember() {
        String m = newMember();
        order(m, 1_000_000);
        assertThat(member(m).getTier().getCode()).isEqualTo("DIAMOND");
        return m;
    }
}
