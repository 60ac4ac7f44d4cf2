package com.tierpoint.gateway;

import com.tierpoint.gateway.ratelimit.RateLimitInterceptor;
import com.tierpoint.gateway.ratelimit.RateLimitProperties;
import com.tierpoint.gateway.ratelimit.TokenBuckets;
import com.tierpoint.gateway.session.SessionAuthentication;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The API edge: the clock, session authentication, then rate limits, on every {@code /api/**} call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class GatewayConfig implements WebMvcConfigurer {

    private final SessionAuthentication sessions;
    private final RateLimitInterceptor rateLimits;

    GatewayConfig(SessionAuthentication sessions, RateLimitInterceptor rateLimits) {
        this.sessions = sessions;
        this.rateLimits = rateLimits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(sessions).addPathPatterns("/api/**");
        registry.addInterceptor(rateLimits).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(sessions);
    }

    @Configuration(proxyBeanMethods = false)
    static class Basics {

        @Bean
        @ConditionalOnMissingBean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        TokenBuckets tokenBuckets(StringRedisTemplate redis, Clock clock) {
            return new TokenBuckets(redis, clock);
        }

        @Bean
        RateLimitInterceptor rateLimitInterceptor(TokenBuckets buckets, RateLimitProperties props) {
            return new RateLimitInterceptor(buckets, props);
        }
    }
}
