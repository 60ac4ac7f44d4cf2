package com.tierpoint.core.program.grpc;

import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.program.model.BirthdayGift;
import com.tierpoint.core.program.model.Campaign;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.Reminders;
import com.tierpoint.core.program.model.RetentionDrop;
import com.tierpoint.proto.v1.Stacking;
import java.util.List;

/** Campaigns, birthday gift, reminders and retention drop <-> tierpoint.v1 messages. */
final class CampaignProtos {

    private CampaignProtos() {}

    static List<Campaign> campaigns(List<com.tierpoint.proto.v1.Campaign> campaigns) {
        return campaigns.stream().map(CampaignProtos::campaign).toList();
    }

    static Campaign campaign(com.tierpoint.proto.v1.Campaign c) {
        return new Campaign(
                c.getCode(),
                c.getName(),
                c.getMultiplierPercent(),
                c.hasStartsAt() ? Protos.instant(c.getStartsAt()) : null,
                c.hasEndsAt() ? Protos.instant(c.getEndsAt()) : null,
                c.getTierCodesList(),
                switch (c.getStacking()) {
                    case ADD -> Campaign.Stacking.ADD;
                    case HIGHEST -> Campaign.Stacking.HIGHEST;
                    default -> Campaign.Stacking.MULTIPLY;
                });
    }

    static BirthdayGift birthdayGift(com.tierpoint.proto.v1.BirthdayGift g) {
        return new BirthdayGift(g.getPoints(), g.getGrowth());
    }

    static Reminders reminders(com.tierpoint.proto.v1.Reminders r) {
        return new Reminders(r.getPointsExpiringDays(), r.getTierExpiringDays());
    }

    static RetentionDrop retentionDrop(com.tierpoint.proto.v1.RetentionDrop d) {
        return d == com.tierpoint.proto.v1.RetentionDrop.TO_QUALIFIED
                ? RetentionDrop.TO_QUALIFIED
                : RetentionDrop.ONE_TIER;
    }

    static void write(Program p, com.tierpoint.proto.v1.Program.Builder b) {
        for (Campaign c : p.campaigns()) {
            b.addCampaigns(com.tierpoint.proto.v1.Campaign.newBuilder()
                    .setCode(c.code())
                    .setName(c.name())
                    .setMultiplierPercent(c.multiplierPercent())
                    .setStartsAt(Protos.timestamp(c.startsAt()))
                    .setEndsAt(Protos.timestamp(c.endsAt()))
                    .addAllTierCodes(c.tierCodes())
                    .setStacking(Stacking.valueOf(c.stacking().name())));
        }
        b.setBirthdayGift(com.tierpoint.proto.v1.BirthdayGift.newBuilder()
                .setPoints(p.birthdayGift().points())
                .setGrowth(p.birthdayGift().growth()));
        b.setReminders(com.tierpoint.proto.v1.Reminders.newBuilder()
                .setPointsExpiringDays(p.reminders().pointsExpiringDays())
                .setTierExpiringDays(p.reminders().tierExpiringDays()));
        b.setRetentionDrop(
                com.tierpoint.proto.v1.RetentionDrop.valueOf(p.retentionDrop().name()));
    }
}
