package com.tierpoint.gateway.wechat;

import com.tierpoint.gateway.wecom.WeComProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * The startup check between sandbox mode and real credentials: sandbox mode refuses anything
 * that looks like a real AppID or secret (so a misconfigured production gateway cannot quietly
 * talk to a fake WeChat), and real mode refuses missing or sandbox credentials.
 */
final class CredentialsGuard {

    private CredentialsGuard() {}

    static void check(WeChatProperties p) {
        List<String> problems = new ArrayList<>();
        if (p.sandbox().enabled()) {
            realLooking("tierpoint.wechat.miniapp.app-id", p.miniapp().appId(), problems);
            realLooking("tierpoint.wechat.miniapp.secret", p.miniapp().secret(), problems);
            realLooking(
                    "tierpoint.wechat.official-account.app-id",
                    p.officialAccount().appId(),
                    problems);
            realLooking(
                    "tierpoint.wechat.official-account.secret",
                    p.officialAccount().secret(),
                    problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "sandbox mode refuses real WeChat credentials (" + String.join(", ", problems)
                                + "): unset them, or set TIERPOINT_WECHAT_SANDBOX=false to talk to WeChat");
            }
            return;
        }
        required("tierpoint.wechat.miniapp.app-id", p.miniapp().appId(), problems);
        required("tierpoint.wechat.miniapp.secret", p.miniapp().secret(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "sandbox mode is off, so real WeChat credentials are needed: " + String.join(", ", problems));
        }
    }

    /** The WeCom corp: optional in both modes; sandbox mode refuses a real-looking one. */
    static void check(WeComProperties w, boolean sandbox) {
        List<String> problems = new ArrayList<>();
        if (sandbox) {
            realLooking("tierpoint.wecom.corp-id", w.corpId(), problems);
            realLooking("tierpoint.wecom.secret", w.secret(), problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "sandbox mode refuses real WeCom credentials (" + String.join(", ", problems)
                                + "): unset them, or set TIERPOINT_WECHAT_SANDBOX=false to talk to WeCom");
            }
        } else if (w.configured()) {
            required("tierpoint.wecom.corp-id", w.corpId(), problems);
            required("tierpoint.wecom.secret", w.secret(), problems);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "sandbox mode is off, so real WeCom credentials are needed: " + String.join(", ", problems));
            }
        }
    }

    private static void realLooking(String name, String value, List<String> problems) {
        if (!WeChatProperties.blank(value) && !sandboxValue(value)) {
            problems.add(name);
        }
    }

    private static boolean sandboxValue(String value) {
        return value.startsWith("wxsandbox") || value.startsWith("wwsandbox") || value.startsWith("sandbox-");
    }

    private static void required(String name, String value, List<String> problems) {
        if (WeChatProperties.blank(value)) {
            problems.add(name + " is missing");
        } else if (sandboxValue(value)) {
            problems.add(name + " is a sandbox value");
        }
    }
}
