package com.tierpoint.core.points.model;

import java.time.Instant;

/** Points moved out of (or back into) one lot by one ledger line. */
public record Draw(long lotId, long points, Instant lotExpiresAt) {}
