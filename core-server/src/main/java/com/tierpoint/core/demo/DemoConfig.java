package com.tierpoint.core.demo;

import com.tierpoint.core.program.application.UpdatingProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quickstart: on by default only with the embedded H2 database ({@code tierpoint.demo.enabled}
 * overrides). Loads the demo program when none exists and registers a demo API key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${tierpoint.demo.enabled:'${spring.datasource.url:}'.startsWith('jdbc:h2:')}")
class DemoConfig {

    private static final Logger log = LoggerFactory.getLogger(DemoConfig.class);

    @Bean
    DemoCredentials demoCredentials() {
        DemoCredentials c = DemoCredentials.loadOrCreate(DemoCredentials.DEFAULT_FILE);
        log.info(
                "demo mode: API key with every scope is in {} (client id 'demo')",
                DemoCredentials.DEFAULT_FILE.toAbsolutePath());
        return c;
    }

    @Bean
    ApplicationRunner installDemoProgram(UpdatingProgram programs) {
        return args -> {
            if (programs.installIfAbsent(DemoProgram.program())) {
                log.info("demo mode: installed the demo program (4 tiers)");
            }
        };
    }
}
