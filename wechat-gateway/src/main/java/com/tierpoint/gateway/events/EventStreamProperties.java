package com.tierpoint.gateway.events;

import com.tierpoint.proto.v1.StartPosition;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.event-stream.*}: how the gateway's consumers of the core's event stream (the
 * reminders and the membership-card sync) behave.
 *
 * @param start where a consumer the core has never seen starts: {@code LATEST} (only what happens
 *     from now on; the default, so a new deployment does not remind members of last year's events)
 *     or {@code EARLIEST} (everything the core still retains). A known consumer always resumes
 *     after its acknowledged offset, whatever this says.
 * @param lease how long one gateway instance holds a consumer without renewing it; the others
 *     stand by and take over when it lapses
 * @param initialBackoff the first wait after a transient failure (doubles up to {@code maxBackoff})
 * @param maxBackoff the longest wait between retries of one event or reconnects
 */
@ConfigurationProperties("tierpoint.event-stream")
public record EventStreamProperties(
        @DefaultValue("LATEST") StartPosition start,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("30s") Duration maxBackoff) {

    public EventStream.Settings settings() {
        return new EventStream.Settings(lease, initialBackoff, maxBackoff);
    }
}
