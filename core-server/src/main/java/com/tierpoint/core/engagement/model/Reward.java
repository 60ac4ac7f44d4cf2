package com.tierpoint.core.engagement.model;

import java.time.LocalDate;

/** What a check-in on {@code day} earns, and the streak it makes. */
public record Reward(LocalDate day, int streak, long points, long growth) {}
