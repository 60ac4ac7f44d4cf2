package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.model.AuditResult;
import java.time.Instant;

/** One audit entry. {@code memberId} null when none; empty strings for absent texts. */
public record AuditEntryView(
        long auditId,
        Instant at,
        String actor,
        String action,
        Long memberId,
        long amount,
        String reason,
        AuditResult result,
        String reasonCode,
        String detail) {}
