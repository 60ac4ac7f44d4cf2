package com.tierpoint.core.order.application;

/** An order's state as the order system reports it. */
public enum OrderStatus {
    PAID,
    PARTIALLY_REFUNDED,
    REFUNDED,
    COMPLETED
}
