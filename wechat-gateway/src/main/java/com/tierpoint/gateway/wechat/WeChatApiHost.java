package com.tierpoint.gateway.wechat;

/** Where WxJava sends its calls: a sandbox's base URL, or null for the real WeChat hosts. */
public record WeChatApiHost(String url) {}
