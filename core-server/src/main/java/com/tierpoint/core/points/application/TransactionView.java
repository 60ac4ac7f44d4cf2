package com.tierpoint.core.points.application;

import com.tierpoint.core.points.model.Draw;
import java.time.Instant;
import java.util.List;

/** One ledger line as clients see it. */
public record TransactionView(
        long transactionId,
        long memberId,
        String type,
        long points,
        long balanceAfter,
        String reason,
        String source,
        Long reversedTransactionId,
        String orderId,
        List<Draw> lots,
        Instant createdAt,
        Instant availableAt,
        Instant expiresAt) {}
