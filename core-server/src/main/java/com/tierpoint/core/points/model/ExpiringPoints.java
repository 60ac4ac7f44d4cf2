package com.tierpoint.core.points.model;

import java.time.Instant;

/** Available points that expire at the same instant. */
public record ExpiringPoints(Instant expiresAt, long points) {}
