package com.tierpoint.gateway.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** Error codes the sandbox answers, with the errmsg texts WeChat and WeCom use for them. */
enum WeChatError {
    SYSTEM_BUSY(-1, "system error"),
    INVALID_CREDENTIAL(40001, "invalid credential, access_token is invalid or not latest"),
    INVALID_GRANT_TYPE(40002, "invalid grant_type"),
    INVALID_OPENID(40003, "invalid openid"),
    INVALID_MESSAGE_TYPE(40008, "invalid message type"),
    INVALID_APPID(40013, "invalid appid"),
    INVALID_ACCESS_TOKEN(40014, "invalid access_token"),
    INVALID_CODE(40029, "invalid code"),
    INVALID_TEMPLATE_ID(40037, "invalid template_id"),
    INVALID_SERIAL_CODE(40056, "invalid serial code"),
    INVALID_URL(40066, "invalid url"),
    INVALID_CARD_ID(40073, "invalid card id"),
    INVALID_ARGS(40097, "invalid args"),
    INVALID_APPSECRET(40125, "invalid appsecret"),
    CODE_BEEN_USED(40163, "code been used"),
    INVALID_SCENE(40169, "invalid length for scene, or the data is not json string"),
    ACCESS_TOKEN_MISSING(41001, "access_token missing"),
    APPID_MISSING(41002, "appid missing"),
    SECRET_MISSING(41004, "appsecret missing"),
    CODE_MISSING(41008, "missing code"),
    INVALID_PAGE(41030, "invalid page"),
    ACCESS_TOKEN_EXPIRED(42001, "access_token expired"),
    REQUIRE_GET(43001, "require GET method"),
    REQUIRE_POST(43002, "require POST method"),
    USER_REFUSED_MESSAGE(43101, "user refuse to accept the msg"),
    EMPTY_POST_DATA(44002, "empty post data"),
    EMPTY_CONTENT(44004, "empty content"),
    DAILY_QUOTA_REACHED(45009, "reach max api daily quota limit"),
    DATA_FORMAT_ERROR(47001, "data format error"),
    INVALID_WEBHOOK_URL(93000, "invalid webhook url"),
    WECOM_INVALID_CREDENTIAL(40001, "invalid credential"),
    WECOM_INVALID_CORPID(40013, "invalid corpid"),
    WECOM_CORPID_MISSING(41002, "corpid missing"),
    WECOM_SECRET_MISSING(41004, "corpsecret missing"),
    WECOM_FREQUENCY_LIMIT(45009, "api freq out of limit"),
    WECOM_INVALID_CHAT_ID(40050, "chatid not found"),
    WECOM_INVALID_PARAMETER(40058, "invalid Parameter"),
    WECOM_REDIRECT_URI_MISSING(41009, "missing redirect_uri");

    private final int code;
    private final String message;

    WeChatError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    int code() {
        return code;
    }

    String message() {
        return message;
    }

    /** The first (the mini-program / official account flavoured) error with that code. */
    static Optional<WeChatError> of(int code) {
        return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
    }
}
