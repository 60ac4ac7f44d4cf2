package com.tierpoint.gateway.member;

import com.tierpoint.gateway.core.CoreClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemberConfig {

    @Bean
    ProgramCache programCache(CoreClient core, Clock clock) {
        return new ProgramCache(core, clock);
    }
}
