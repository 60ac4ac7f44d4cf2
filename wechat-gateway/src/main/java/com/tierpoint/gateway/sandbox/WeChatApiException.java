package com.tierpoint.gateway.sandbox;

/** Ends an emulated call with a WeChat error answer. */
final class WeChatApiException extends RuntimeException {

    private final transient WeChatError error;

    WeChatApiException(WeChatError error) {
        super(error.code() + " " + error.message(), null, false, false);
        this.error = error;
    }

    WeChatError error() {
        return error;
    }
}
