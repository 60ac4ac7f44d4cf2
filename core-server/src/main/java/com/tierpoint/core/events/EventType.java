package com.tierpoint.core.events;

/** Event types written to the outbox; their wire names are the public contract. */
public enum EventType {
    MEMBER_ENROLLED("member.enrolled"),
    TIER_UPGRADED("tier.upgraded"),
    POINTS_EARNED("points.earned"),
    POINTS_REDEEMED("points.redeemed"),
    POINTS_REVERSED("points.reversed"),
    POINTS_EXPIRED("points.expired"),
    GROWTH_CHANGED("growth.changed"),
    ORDER_RECORDED("order.recorded"),
    PROGRAM_UPDATED("program.updated");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
