package com.tierpoint.gateway.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts an API call under the named limit of {@code tierpoint.rate-limits.<name>}: one token
 * bucket per client IP and, when the caller is logged in, one per member.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {
    String value();
}
