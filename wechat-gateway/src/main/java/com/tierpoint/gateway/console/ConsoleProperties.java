package com.tierpoint.gateway.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.console.*}: the WeCom operators' console.
 *
 * @param sessionIdle an operator session ends after this long without requests
 * @param sessionMax and at the latest this long after login
 * @param secureCookie mark the session cookie Secure (serve the console over HTTPS in production)
 * @param broadcastPoll how often the broadcast sender looks at the robots' queues
 * @param robotPerMinute how many messages one group robot may send a minute (WeCom allows 20)
 */
@ConfigurationProperties("tierpoint.console")
record ConsoleProperties(
        @DefaultValue("30m") Duration sessionIdle,
        @DefaultValue("12h") Duration sessionMax,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("1s") Duration broadcastPoll,
        @DefaultValue("20") int robotPerMinute) {}
