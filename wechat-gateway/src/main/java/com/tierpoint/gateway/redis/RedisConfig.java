package com.tierpoint.gateway.redis;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis (Lettuce) holds the gateway's shared state: sessions, rate-limit buckets, the WeChat
 * access token and its refresh lock, subscription quotas, reminder dedupe and cached posters.
 * {@code tierpoint.redis.url}; when blank (the quickstart) an embedded redis-server is started.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean(destroyMethod = "close")
    EmbeddedRedisIfNeeded embeddedRedis(@Value("${tierpoint.redis.url:}") String url) {
        return new EmbeddedRedisIfNeeded(url);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(EmbeddedRedisIfNeeded redis) {
        RedisConfiguration target = LettuceConnectionFactory.createRedisConfiguration(redis.url());
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(2))
                .build();
        return new LettuceConnectionFactory(target, client);
    }
}
