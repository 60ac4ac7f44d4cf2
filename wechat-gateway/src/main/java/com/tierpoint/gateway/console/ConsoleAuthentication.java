package com.tierpoint.gateway.console;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.ratelimit.RateLimitInterceptor;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /console/api/**}: the operator session cookie, the operator as the core knows them
 * now (a demoted or deactivated operator loses access on their next request, not at session end),
 * the CSRF token on every state-changing request, and {@link RequiresRole}.
 */
final class ConsoleAuthentication implements HandlerInterceptor, HandlerMethodArgumentResolver {

    static final String COOKIE = "TP_OP";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String OPERATOR = ConsoleOperator.class.getName();
    private static final String SESSION = OperatorSessions.OperatorSession.class.getName();

    private final OperatorSessions sessions;
    private final CoreOperators operators;

    ConsoleAuthentication(OperatorSessions sessions, CoreOperators operators) {
        this.sessions = sessions;
        this.operators = operators;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String token = cookie(request).orElse(null);
        OperatorSessions.OperatorSession session =
                sessions.find(token).orElseThrow(() -> ApiException.unauthorized("UNAUTHENTICATED", "请先通过企业微信登录"));
        ConsoleOperator operator =
                operators.find(session.userId()).filter(ConsoleOperator::active).orElse(null);
        if (operator == null) {
            sessions.delete(token);
            throw ApiException.unauthorized("UNAUTHENTICATED", "该账号已不是运营人员，请重新登录");
        }
        if (!isSafe(request.getMethod()) && !sameToken(session.csrf(), request.getHeader(CSRF_HEADER))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "CSRF", "请求缺少有效的 CSRF 令牌，请刷新页面");
        }
        RequiresRole needs = method.getMethodAnnotation(RequiresRole.class);
        if (needs != null && !operator.role().atLeast(needs.value())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "FORBIDDEN",
                    "需要" + roleName(needs.value()) + "权限，当前为" + roleName(operator.role()));
        }
        request.setAttribute(OPERATOR, operator);
        request.setAttribute(RateLimitInterceptor.SUBJECT, "op:" + operator.userId());
        request.setAttribute(SESSION, session);
        return true;
    }

    static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    static OperatorSessions.OperatorSession session(HttpServletRequest request) {
        return (OperatorSessions.OperatorSession) request.getAttribute(SESSION);
    }

    static Optional<ConsoleOperator> current(HttpServletRequest request) {
        return Optional.ofNullable((ConsoleOperator) request.getAttribute(OPERATOR));
    }

    static String roleName(ConsoleOperator.Role role) {
        return switch (role) {
            case VIEWER -> "查看";
            case OPERATOR -> "运营";
            case ADMIN -> "管理员";
        };
    }

    private static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    private static boolean sameToken(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ConsoleOperator.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return current(request).orElseThrow(() -> ApiException.unauthorized("UNAUTHENTICATED", "请先通过企业微信登录"));
    }
}
