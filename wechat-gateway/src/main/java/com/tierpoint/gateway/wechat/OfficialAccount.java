package com.tierpoint.gateway.wechat;

import me.chanjar.weixin.mp.api.WxMpService;

/** The Official Account whose membership card (会员卡) mirrors the member, when one is configured. */
public record OfficialAccount(WxMpService service, String cardId) {

    static OfficialAccount none() {
        return new OfficialAccount(null, null);
    }

    public boolean configured() {
        return service != null;
    }
}
