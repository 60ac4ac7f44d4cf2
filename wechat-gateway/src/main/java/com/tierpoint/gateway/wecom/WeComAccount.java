package com.tierpoint.gateway.wecom;

import java.util.Map;
import java.util.Optional;
import me.chanjar.weixin.cp.api.WxCpService;

/**
 * The WeCom corp the console works for: WxJava's service for it, the OAuth page and the group
 * robots' webhook keys. {@link #none()} when no corp is configured: the console is then off.
 */
public final class WeComAccount {

    private final WxCpService service;
    private final String corpId;
    private final int agentId;
    private final String authorizeUrl;
    private final String publicUrl;
    private final String webhookBase;
    private final Map<String, String> robots;

    WeComAccount(
            WxCpService service,
            String corpId,
            int agentId,
            String authorizeUrl,
            String publicUrl,
            String webhookBase,
            Map<String, String> robots) {
        this.service = service;
        this.corpId = corpId;
        this.agentId = agentId;
        this.authorizeUrl = authorizeUrl;
        this.publicUrl = publicUrl;
        this.webhookBase = webhookBase;
        this.robots = Map.copyOf(robots);
    }

    static WeComAccount none() {
        return new WeComAccount(null, null, 0, null, null, null, Map.of());
    }

    public boolean enabled() {
        return service != null;
    }

    public WxCpService service() {
        if (service == null) {
            throw new IllegalStateException("no WeCom corp configured (tierpoint.wecom.*)");
        }
        return service;
    }

    public String corpId() {
        return corpId;
    }

    public int agentId() {
        return agentId;
    }

    public String authorizeUrl() {
        return authorizeUrl;
    }

    /** The configured external base URL, if any. */
    public Optional<String> publicUrl() {
        return Optional.ofNullable(publicUrl).filter(u -> !u.isBlank());
    }

    public boolean hasRobot(String chatId) {
        return robots.containsKey(chatId);
    }

    /** The webhook URL of a group's robot (it carries the key: never log it). */
    public Optional<String> robotWebhook(String chatId) {
        return Optional.ofNullable(robots.get(chatId)).map(key -> webhookBase + "/cgi-bin/webhook/send?key=" + key);
    }

    @Override
    public String toString() {
        return "WeComAccount[" + corpId + ", agent " + agentId + ", " + robots.size() + " robots]";
    }
}
