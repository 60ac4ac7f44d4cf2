package com.tierpoint.gateway.console;

import com.tierpoint.gateway.wecom.WeComAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.bean.WxCpOauth2UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Operator login through WeCom OAuth ({@code snsapi_base}): the console sends the browser to
 * WeCom's authorize page with a single-use {@code state}; WeCom sends it back with a code, which
 * {@code /cgi-bin/auth/getuserinfo} turns into the employee's user id. Only an active operator
 * known to the core gets a session. Every login, refused ones included, is audited.
 */
@RestController
class ConsoleLoginController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLoginController.class);
    private static final Pattern NEXT = Pattern.compile("#/[A-Za-z0-9_/\\-?=&%.]{0,200}");

    private final WeComAccount wecom;
    private final OperatorSessions sessions;
    private final CoreOperators operators;
    private final ConsoleProperties props;

    ConsoleLoginController(
            WeComAccount wecom, OperatorSessions sessions, CoreOperators operators, ConsoleProperties props) {
        this.wecom = wecom;
        this.sessions = sessions;
        this.operators = operators;
        this.props = props;
    }

    @GetMapping("/console/login")
    ResponseEntity<String> login(@RequestParam(defaultValue = "") String next) {
        String state = sessions.newState(NEXT.matcher(next).matches() ? next : "");
        String redirect = base() + "/console/oauth/callback";
        String url = wecom.authorizeUrl() + "?appid=" + encode(wecom.corpId()) + "&redirect_uri=" + encode(redirect)
                + "&response_type=code&scope=snsapi_base&state=" + encode(state) + "&agentid=" + wecom.agentId()
                + "#wechat_redirect";
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, url)
                .build();
    }

    @GetMapping("/console/oauth/callback")
    ResponseEntity<String> callback(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String state,
            HttpServletRequest request) {
        Optional<String> next = sessions.takeState(state);
        if (next.isEmpty() || code.isBlank() || code.length() > 512) {
            return page(HttpStatus.BAD_REQUEST, "登录链接已失效", "请重新打开运营台登录。");
        }
        String userId;
        try {
            // /cgi-bin/auth/getuserinfo: the employee's userid (an openid instead for a non-member)
            WxCpOauth2UserInfo info = wecom.service().getOauth2Service().getAuthUserInfo(code);
            userId = info.getUserId();
        } catch (WxErrorException e) {
            log.info(
                    "console login: WeCom refused the OAuth code (errcode {})",
                    e.getError().getErrorCode());
            return page(
                    HttpStatus.BAD_REQUEST,
                    "登录失败",
                    "企业微信未能确认你的身份（错误码 " + e.getError().getErrorCode() + "），请重新登录。");
        } catch (RuntimeException e) {
            log.warn("console login: WeCom unreachable: {}", e.toString());
            return page(HttpStatus.BAD_GATEWAY, "登录失败", "暂时无法连接企业微信，请稍后重试。");
        }
        if (userId == null || userId.isBlank()) {
            return page(HttpStatus.FORBIDDEN, "无法使用运营台", "只有本企业的成员可以登录运营台。");
        }
        Optional<ConsoleOperator> operator = operators.find(userId).filter(ConsoleOperator::active);
        if (operator.isEmpty()) {
            operators.audit(userId, "console.login", null, 0, null, "REFUSED", "not an active operator");
            return page(HttpStatus.FORBIDDEN, "无法使用运营台", "你的账号（" + userId + "）不是会员计划的运营人员，请联系管理员开通。");
        }
        String token = sessions.create(userId);
        operators.audit(userId, "console.login", null, 0, null, "OK", "");
        ResponseCookie cookie = ResponseCookie.from(ConsoleAuthentication.COOKIE, token)
                .httpOnly(true)
                .secure(props.secureCookie())
                .sameSite("Lax")
                .path("/console")
                .maxAge(props.sessionMax())
                .build();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.LOCATION, "/console/" + next.get())
                .build();
    }

    @PostMapping("/console/api/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, ConsoleOperator operator) {
        ConsoleAuthentication.cookie(request).ifPresent(sessions::delete);
        operators.audit(operator.userId(), "console.logout", null, 0, null, "OK", "");
        ResponseCookie gone = ResponseCookie.from(ConsoleAuthentication.COOKIE, "")
                .httpOnly(true)
                .secure(props.secureCookie())
                .sameSite("Lax")
                .path("/console")
                .maxAge(Duration.ZERO)
                .build();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, gone.toString())
                .build();
    }

    private String base() {
        return wecom.publicUrl()
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() ->
                        ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/console/console.css\"></head><body class=\"message-page\">"
                + "<main><h1>" + escape(title) + "</h1><p id=\"message\">" + escape(text) + "</p>"
                + "<p><a href=\"/console/login\">重新登录</a></p></main></body></html>";
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
