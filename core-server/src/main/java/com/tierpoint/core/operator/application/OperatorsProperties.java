package com.tierpoint.core.operator.application;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.operators.*}: WeCom userids kept as active admins from startup on, and the
 * daily grant cap new operators get when none is given.
 */
@ConfigurationProperties("tierpoint.operators")
public record OperatorsProperties(List<String> bootstrapAdmins, @DefaultValue("1000") long defaultDailyGrantCap) {

    public OperatorsProperties {
        bootstrapAdmins = bootstrapAdmins == null
                ? List.of()
                : bootstrapAdmins.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
