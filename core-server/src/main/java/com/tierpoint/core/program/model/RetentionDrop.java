package com.tierpoint.core.program.model;

/** Where a member who missed a tier's retention rule goes. */
public enum RetentionDrop {
    /** Down one tier. */
    ONE_TIER,
    /** Down to the highest tier whose upgrade rule the metrics still meet. */
    TO_QUALIFIED
}
