package com.tierpoint.gateway.member;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.api.Digests;
import com.tierpoint.gateway.api.WeChatErrors;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimited;
import com.tierpoint.gateway.session.MemberSession;
import com.tierpoint.proto.v1.SetMemberPhoneRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's mobile phone, from the mini-program's getPhoneNumber button (手机号快速验证): the
 * button's code goes to WeChat's {@code /wxa/business/getuserphonenumber}, the number to the core.
 * Operators can then find the member by phone.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "member")
class PhoneController {

    private final WxMaService wx;
    private final CoreClient core;

    PhoneController(WxMaService wx, CoreClient core) {
        this.wx = wx;
        this.core = core;
    }

    record PhoneRequest(@NotBlank @Size(max = 128) String code) {}

    /** The number as the member sees it confirmed, masked like WeChat shows it: 138****8000. */
    record PhoneResponse(String phone) {}

    @PostMapping("/me/phone")
    @RateLimited("phone")
    @Operation(summary = "Store the phone the member shared with the getPhoneNumber button (its code)")
    PhoneResponse phone(MemberSession session, @Valid @RequestBody PhoneRequest req) throws WxErrorException {
        WxMaPhoneNumberInfo info;
        try {
            info = wx.getUserService().getPhoneNumber(req.code());
        } catch (WxErrorException e) {
            int errcode = e.getError().getErrorCode();
            if (errcode == WeChatErrors.INVALID_CODE || errcode == WeChatErrors.CODE_USED) {
                // unlike a login code, a bad phone code says nothing about the session
                throw ApiException.badRequest("code", "the phone code is invalid, used or expired");
            }
            throw e;
        }
        String phone = info.getPurePhoneNumber();
        if (!"86".equals(info.getCountryCode()) || phone == null || !phone.matches("1\\d{10}")) {
            throw ApiException.badRequest("code", "only mainland China mobile numbers can be stored");
        }
        core.members()
                .setMemberPhone(SetMemberPhoneRequest.newBuilder()
                        .setIdempotencyKey("phone:" + session.memberId() + ":"
                                + Digests.sha256Hex(req.code()).substring(0, 32))
                        .setMemberId(session.memberId())
                        .setPhone(phone)
                        .build());
        return new PhoneResponse(Digests.maskedPhone(phone));
    }
}
