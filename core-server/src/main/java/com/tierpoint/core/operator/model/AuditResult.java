package com.tierpoint.core.operator.model;

/** How an audited action ended. */
public enum AuditResult {
    OK,
    /** A rule refused it; the entry names the reason code. */
    REFUSED,
    /** It was attempted and failed. */
    FAILED
}
