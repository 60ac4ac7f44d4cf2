package com.tierpoint.core.points.application;

import com.tierpoint.core.points.model.BalanceSummary;

/** The ledger line a write made, and the balance right after it. */
public record PointsWriteResult(TransactionView transaction, BalanceSummary balance) {}
