package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimitInterceptor;
import com.tierpoint.gateway.wecom.WeComAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The WeCom operators' console: its pages under {@code /console/}, its API under
 * {@code /console/api/} (operator sessions, CSRF, roles, then rate limits), strict security
 * headers, and the robot broadcast sender. Off (404) when no WeCom corp is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfig implements WebMvcConfigurer {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final ConsoleAuthentication authentication;
    private final RateLimitInterceptor rateLimits;
    private final WeComAccount wecom;

    ConsoleConfig(ConsoleAuthentication authentication, RateLimitInterceptor rateLimits, WeComAccount wecom) {
        this.authentication = authentication;
        this.rateLimits = rateLimits;
        this.wecom = wecom;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        if (!wecom.enabled()) {
                            throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "the operator console is off");
                        }
                        return true;
                    }
                })
                .addPathPatterns("/console/**");
        registry.addInterceptor(authentication).addPathPatterns("/console/api/**");
        registry.addInterceptor(rateLimits).addPathPatterns("/console/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(authentication);
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }

    @Configuration(proxyBeanMethods = false)
    static class Parts {

        @Bean
        OperatorSessions operatorSessions(StringRedisTemplate redis, Clock clock, ConsoleProperties props) {
            return new OperatorSessions(redis, clock, props.sessionIdle(), props.sessionMax());
        }

        @Bean
        CoreOperators coreOperators(CoreClient core) {
            return new CoreOperators(core);
        }

        @Bean
        ConsoleAuthentication consoleAuthentication(OperatorSessions sessions, CoreOperators operators) {
            return new ConsoleAuthentication(sessions, operators);
        }

        @Bean
        Broadcasts broadcasts(StringRedisTemplate redis, Clock clock, ConsoleProperties props) {
            return new Broadcasts(redis, clock, props.robotPerMinute());
        }

        @Bean
        BroadcastSender broadcastSender(
                Broadcasts broadcasts, WeComAccount wecom, CoreOperators operators, ConsoleProperties props) {
            return new BroadcastSender(broadcasts, wecom, operators, props.broadcastPoll());
        }

        @Bean
        CustomerGroups customerGroups(WeComAccount wecom, CoreClient core, StringRedisTemplate redis, Clock clock) {
            return new CustomerGroups(wecom, core, redis, clock);
        }

        /** CSP without inline code, no framing, no sniffing, no caching of API answers. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> consoleHeaders() {
            FilterRegistrationBean<OncePerRequestFilter> bean =
                    new FilterRegistrationBean<>(new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(
                                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                throws ServletException, IOException {
                            response.setHeader("Content-Security-Policy", CSP);
                            response.setHeader("X-Content-Type-Options", "nosniff");
                            response.setHeader("Referrer-Policy", "same-origin");
                            if (request.getRequestURI().startsWith("/console/api/")) {
                                response.setHeader("Cache-Control", "no-store");
                            }
                            chain.doFilter(request, response);
                        }
                    });
            bean.addUrlPatterns("/console/*");
            return bean;
        }
    }
}
