package com.tierpoint.core.operator.model;

/** What an operator may do: each role may do everything the one before it may. */
public enum OperatorRole {
    /** Looks things up; changes nothing. */
    VIEWER,
    /** Also grants and deducts points within a daily cap. */
    OPERATOR,
    /** Also manages operators. */
    ADMIN;

    public boolean mayAdjustPoints() {
        return this != VIEWER;
    }

    public boolean mayManageOperators() {
        return this == ADMIN;
    }
}
