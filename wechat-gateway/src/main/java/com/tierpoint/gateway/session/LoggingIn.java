package com.tierpoint.gateway.session;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.WeChatIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wx.login} code -> {@code code2session} -> the member (enrolled on first login, with the
 * invite code the user arrived with) -> a session of the gateway's own. Enrollment is idempotent
 * by WeChat identity in the core, so logging in again finds the same member.
 */
public final class LoggingIn {

    private static final Logger log = LoggerFactory.getLogger(LoggingIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WxMaService wechat;
    private final CoreClient core;
    private final SessionStore sessions;
    private final SessionTokens tokens;
    private final SessionProperties props;
    private final Clock clock;

    public LoggingIn(
            WxMaService wechat,
            CoreClient core,
            SessionStore sessions,
            SessionTokens tokens,
            SessionProperties props,
            Clock clock) {
        this.wechat = wechat;
        this.core = core;
        this.sessions = sessions;
        this.tokens = tokens;
        this.props = props;
        this.clock = clock;
    }

    public record Command(String code, String inviteCode, String nickname) {}

    public record Result(
            String accessToken,
            Instant accessTokenExpiresAt,
            String refreshToken,
            String memberId,
            boolean newMember,
            String inviteRejectionReason) {}

    public Result login(Command cmd) throws WxErrorException {
        WxMaJscode2SessionResult wx = wechat.getUserService().getSessionInfo(cmd.code());
        String appId = wechat.getWxMaConfig().getAppid();
        EnrollMemberRequest.Builder enroll = EnrollMemberRequest.newBuilder()
                .setIdempotencyKey("wx-login-" + UUID.randomUUID())
                .setIdentity(WeChatIdentity.newBuilder()
                        .setAppId(appId)
                        .setOpenid(wx.getOpenid())
                        .setUnionid(wx.getUnionid() == null ? "" : wx.getUnionid()));
        if (cmd.inviteCode() != null && !cmd.inviteCode().isBlank()) {
            enroll.setInviteCode(cmd.inviteCode().trim());
        }
        if (cmd.nickname() != null && !cmd.nickname().isBlank()) {
            enroll.setNickname(cmd.nickname().trim());
        }
        EnrollMemberResponse enrolled = core.members().enrollMember(enroll.build());
        String memberId = enrolled.getMember().getMemberId();

        MemberSession session = new MemberSession(newSessionId(), memberId, appId, wx.getOpenid());
        String refresh = sessions.create(session, wx.getUnionid(), wx.getSessionKey());
        log.info("member {} logged in (new member: {})", memberId, enrolled.getCreated());
        return issue(session, refresh, enrolled.getCreated(), enrolled.getInviteRejectionReason());
    }

    /** Access and refresh token for a refreshed session. */
    public Result issue(MemberSession session, String refreshToken, boolean newMember, String inviteRejection) {
        Instant expires = clock.instant().plus(props.accessTtl());
        String access = tokens.issue(new SessionTokens.Claims(session.sessionId(), session.memberId(), expires));
        return new Result(access, expires, refreshToken, session.memberId(), newMember, inviteRejection);
    }

    private static String newSessionId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
