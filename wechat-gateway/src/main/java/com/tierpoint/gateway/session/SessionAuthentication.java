package com.tierpoint.gateway.session;

import com.tierpoint.gateway.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads {@code Authorization: Bearer <access token>} on every API call: a valid token whose
 * session still exists becomes the request's {@link MemberSession}. Handlers that take a
 * {@code MemberSession} parameter require one (401 otherwise); the others stay open.
 */
public final class SessionAuthentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    static final String ATTRIBUTE = MemberSession.class.getName();
    private static final String PROBLEM = SessionAuthentication.class.getName() + ".problem";

    private final SessionTokens tokens;
    private final SessionStore sessions;
    private final Clock clock;

    public SessionAuthentication(SessionTokens tokens, SessionStore sessions, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            request.setAttribute(PROBLEM, "a session token is required: Authorization: Bearer <accessToken>");
            return true;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.setAttribute(PROBLEM, "the Authorization header must be 'Bearer <accessToken>'");
            return true;
        }
        Optional<MemberSession> session = tokens.verify(header.substring(7).trim(), clock.instant())
                .flatMap(claims -> sessions.find(claims.sessionId())
                        .filter(s -> s.memberId().equals(claims.memberId())));
        if (session.isPresent()) {
            request.setAttribute(ATTRIBUTE, session.get());
        } else {
            request.setAttribute(PROBLEM, "the session token is invalid or expired: refresh it or log in again");
        }
        return true;
    }

    /** The caller's session, when the request carried a valid token. */
    public static Optional<MemberSession> current(HttpServletRequest request) {
        return Optional.ofNullable((MemberSession) request.getAttribute(ATTRIBUTE));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == MemberSession.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return current(request).orElseThrow(() -> {
            Object problem = request.getAttribute(PROBLEM);
            return ApiException.unauthorized(
                    "UNAUTHENTICATED", problem == null ? "a session token is required" : problem.toString());
        });
    }
}
