package com.tierpoint.gateway.wecom;

/** The customer group the built-in sandbox starts with, so the quickstart's console has one to show. */
public final class SandboxGroups {

    public static final String VIP_CHAT_ID = "wrsandbox_vip_group_0001";
    public static final String VIP_NAME = "会员福利一群";
    public static final String VIP_ROBOT_KEY = "sandbox-robot-vip";
    public static final String OWNER = "zhangsan";

    private SandboxGroups() {}
}
