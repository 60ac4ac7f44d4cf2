package com.tierpoint.core.order.application;

import java.time.Instant;

/** What an order holds for its member after a RecordOrder call, and what the call changed. */
public record OrderResult(
        String orderId,
        long memberId,
        OrderStatus status,
        long pointsGranted,
        long pointsPending,
        Instant pointsAvailableAt,
        long growthGranted,
        long pointsReversed,
        long pointsUnrecovered,
        String tierCode,
        boolean tierUpgraded) {}
