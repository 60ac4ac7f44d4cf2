package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.model.Operator;

/** An operator with what they moved on {@code today} (a program day, "YYYY-MM-DD"). */
public record OperatorView(Operator operator, long grantedToday, long remainingToday, String today) {}
