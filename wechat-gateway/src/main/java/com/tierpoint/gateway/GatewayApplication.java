package com.tierpoint.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The WeChat gateway: the mini-program's HTTP API in front of the core, WeChat calls through
 * WxJava, subscription reminders and membership-card sync from the core's event stream, and in
 * sandbox mode a built-in fake WeChat.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The gateway's settings live in {@code gateway.yml}, not {@code application.yml}, so that a
     * core booted in the same JVM (the end-to-end tests) never reads the gateway's file or the
     * other way round.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway");
    }
}
