package com.tierpoint.gateway.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The least role a console API call needs; calls without it need only a logged-in operator (any role). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresRole {
    ConsoleOperator.Role value();
}
