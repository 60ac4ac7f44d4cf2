package com.tierpoint.core.events;

/** Event types written to the outbox; their wire names are the public contract. */
public enum EventType {
    MEMBER_ENROLLED("member.enrolled"),
    TIER_UPGRADED("tier.upgraded"),
    TIER_DOWNGRADED("tier.downgraded"),
    TIER_RENEWED("tier.renewed"),
    TIER_EXPIRING("tier.expiring"),
    POINTS_EARNED("points.earned"),
    POINTS_REDEEMED("points.redeemed"),
    POINTS_REVERSED("points.reversed"),
    POINTS_EXPIRING("points.expiring"),
    POINTS_EXPIRED("points.expired"),
    GROWTH_CHANGED("growth.changed"),
    ORDER_RECORDED("order.recorded"),
    INVITE_ACCEPTED("invite.accepted"),
    INVITE_REWARDED("invite.rewarded"),
    INVITE_WITHHELD("invite.withheld"),
    CHECKIN_DONE("checkin.done"),
    BIRTHDAY_GRANTED("birthday.granted"),
    GROUPS_CHANGED("member.groups_changed"),
    PHONE_CHANGED("member.phone_changed"),
    INVITE_CREATED("invite.created"),
    INVITE_ADVANCED("invite.advanced"),
    PROGRAM_UPDATED("program.updated");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
