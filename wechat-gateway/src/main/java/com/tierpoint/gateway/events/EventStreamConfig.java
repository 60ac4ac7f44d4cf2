package com.tierpoint.gateway.events;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes {@link EventStreamProperties} available to every feature that consumes the core's events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStreamProperties.class)
class EventStreamConfig {}
