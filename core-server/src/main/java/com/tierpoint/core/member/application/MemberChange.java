package com.tierpoint.core.member.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.infrastructure.MemberRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction's change to one locked member: the row being changed, the business time of
 * the change, and the events it will publish once saved (with the member's new version).
 */
public final class MemberChange {

    record PendingEvent(EventType type, Map<String, Object> payload) {}

    private final MemberRow member;
    private final Instant now;
    private final List<PendingEvent> events = new ArrayList<>();

    MemberChange(MemberRow member, Instant now) {
        this.member = member;
        this.now = now;
    }

    public MemberRow member() {
        return member;
    }

    public long memberId() {
        return member.id;
    }

    public Instant now() {
        return now;
    }

    /** Queues an event; member_id and occurred_at are added to every payload. */
    public void emit(EventType type, Map<String, ?> payload) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("member_id", String.valueOf(member.id));
        full.put("occurred_at", now.toString());
        full.putAll(payload);
        events.add(new PendingEvent(type, full));
    }

    List<PendingEvent> events() {
        return events;
    }
}
