package com.tierpoint.gateway.console;

/**
 * A WeCom employee who may use the console, as the core knows them: role, daily adjustment cap
 * and what is left of it today.
 */
record ConsoleOperator(
        String userId,
        String name,
        Role role,
        long dailyGrantCap,
        long grantedToday,
        long remainingToday,
        boolean active) {

    enum Role {
        VIEWER,
        OPERATOR,
        ADMIN;

        boolean atLeast(Role other) {
            return compareTo(other) >= 0;
        }
    }
}
