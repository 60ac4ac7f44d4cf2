package com.tierpoint.gateway.ratelimit;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.session.SessionAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Applies {@link RateLimited} limits; over the limit the call gets 429 with {@code Retry-After}. */
public final class RateLimitInterceptor implements HandlerInterceptor {

    /**
     * A request attribute naming who is calling when it is not a mini-program member (e.g. a
     * console operator): their bucket then takes the place of the member's.
     */
    public static final String SUBJECT = RateLimitInterceptor.class.getName() + ".subject";

    private final TokenBuckets buckets;
    private final RateLimitProperties props;

    public RateLimitInterceptor(TokenBuckets buckets, RateLimitProperties props) {
        this.buckets = buckets;
        this.props = props;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RateLimited limited = method.getMethodAnnotation(RateLimited.class);
        if (limited == null) {
            return true;
        }
        RateLimitProperties.Limit limit = props.rateLimits().get(limited.value());
        if (limit == null) {
            return true;
        }
        String prefix = "tp:gw:rl:" + limited.value() + ":";
        if (limit.perIp() != null) {
            refuseIfEmpty(buckets.take(prefix + "ip:" + request.getRemoteAddr(), limit.perIp()));
        }
        Object subject = request.getAttribute(SUBJECT);
        if (limit.perMember() != null && subject != null) {
            refuseIfEmpty(buckets.take(prefix + "s:" + subject, limit.perMember()));
        } else if (limit.perMember() != null) {
            var session = SessionAuthentication.current(request);
            if (session.isPresent()) {
                refuseIfEmpty(buckets.take(prefix + "m:" + session.get().memberId(), limit.perMember()));
            }
        }
        return true;
    }

    private static void refuseIfEmpty(Duration wait) {
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests("too many requests, slow down", wait.plusMillis(999));
        }
    }
}
