package com.tierpoint.core.program.model;

/** A tier benefit (权益): a machine code and the text a member sees. */
public record Benefit(String code, String description) {}
