package com.tierpoint.core.engagement.model;

import java.time.Instant;
import java.time.LocalDate;

/** A member's check-in on one program-zone day, with what it granted. */
public record CheckIn(
        LocalDate day, int streak, long points, long growth, Long earnTransactionId, Instant checkedInAt) {}
