package com.tierpoint.gateway.api;

import java.time.Duration;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** What a WeChat error code means for the mini-program's call. */
public final class WeChatErrors {

    public static final int INVALID_CODE = 40029;
    public static final int CODE_USED = 40163;
    public static final int TOKEN_INVALID = 40001;
    public static final int TOKEN_EXPIRED = 42001;
    /** Too frequent calls of one API. */
    public static final int TOO_FREQUENT = 45011;
    /** What WxJava reports when no WeChat answer was read at all (I/O failure). */
    public static final int NO_ANSWER = 0;

    public static final int BUSY = -1;
    public static final int API_LIMIT = 45009;
    public static final int NO_SUBSCRIPTION_QUOTA = 43101;

    private static final Logger log = LoggerFactory.getLogger(WeChatErrors.class);

    private WeChatErrors() {}

    public static ApiException toApi(WxErrorException e) {
        int code = e.getError() == null ? 0 : e.getError().getErrorCode();
        return switch (code) {
            case INVALID_CODE ->
                ApiException.unauthorized("WX_CODE_INVALID", "the wx.login code is not valid: call wx.login again");
            case CODE_USED ->
                ApiException.unauthorized("WX_CODE_USED", "the wx.login code was already used: call wx.login again");
            case API_LIMIT ->
                new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "WECHAT_LIMITED",
                        "WeChat's limit for this call is reached, try later",
                        List.of(),
                        Duration.ofMinutes(1));
            case BUSY, TOKEN_INVALID, TOKEN_EXPIRED, NO_ANSWER -> {
                log.warn("WeChat unavailable: errcode {}", code);
                yield new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "WECHAT_UNAVAILABLE",
                        "WeChat is busy, try again shortly",
                        List.of(),
                        Duration.ofSeconds(2));
            }
            default -> {
                log.error(
                        "WeChat call failed: errcode {} {}",
                        code,
                        e.getError() == null ? "" : e.getError().getErrorMsg());
                yield new ApiException(
                        HttpStatus.BAD_GATEWAY, "WECHAT_ERROR", "the WeChat call failed (errcode " + code + ")");
            }
        };
    }

    /** True for errors worth retrying later (busy, limits, token trouble); false for permanent ones. */
    public static boolean transientError(WxErrorException e) {
        int code = e.getError() == null ? BUSY : e.getError().getErrorCode();
        return code == BUSY
                || code == API_LIMIT
                || code == TOKEN_INVALID
                || code == TOKEN_EXPIRED
                || code == TOO_FREQUENT
                || code == NO_ANSWER;
    }
}
