package com.tierpoint.gateway.invite;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.urllink.GenerateUrlLinkRequest;
import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.api.WeChatErrors;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.session.MemberSession;
import com.tierpoint.proto.v1.CreateInviteRequest;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.Invite;
import com.tierpoint.proto.v1.MemberRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;

/**
 * The member's invite, ready to share three ways: a share card ({@code onShareAppMessage} path
 * with the code), a URL Link for SMS and H5 pages, and a poster with a mini-program code whose
 * {@code scene} is the code. WeChat rate-limits link and code generation, so both are cached in
 * Redis for as long as they are useful; the poster is served only to the code's owner.
 */
public final class SharingInvites {

    private static final Logger log = LoggerFactory.getLogger(SharingInvites.class);
    private static final String OWNER = "tp:gw:invite:owner:";
    private static final String LINK = "tp:gw:invite:link:";
    private static final String POSTER = "tp:gw:invite:poster:";

    private final CoreClient core;
    private final WxMaService wechat;
    private final StringRedisTemplate redis;
    private final InviteProperties props;
    private final String envVersion;
    private final PosterRenderer renderer = new PosterRenderer();
    private final Clock clock;

    public SharingInvites(
            CoreClient core,
            WxMaService wechat,
            StringRedisTemplate redis,
            InviteProperties props,
            String envVersion,
            Clock clock) {
        this.core = core;
        this.wechat = wechat;
        this.redis = redis;
        this.props = props;
        this.envVersion = envVersion;
        this.clock = clock;
    }

    /**
     * @param path for {@code onShareAppMessage}: the page with the code as query
     * @param scene for a mini-program code: the code itself
     * @param urlLink a https://wxaurl.cn link that opens the page; null when WeChat could not make one now
     */
    public record SharedInvite(
            String code,
            Instant expiresAt,
            String title,
            String path,
            String page,
            String scene,
            String urlLink,
            String posterUrl) {}

    public SharedInvite share(MemberSession session) {
        Invite invite = core.invites()
                .createInvite(CreateInviteRequest.newBuilder()
                        .setIdempotencyKey("invite-" + UUID.randomUUID())
                        .setMemberId(session.memberId())
                        .build());
        String code = invite.getCode();
        Instant expires = Instant.ofEpochSecond(invite.getExpiresAt().getSeconds());
        Duration left = Duration.between(clock.instant(), expires);
        if (left.compareTo(Duration.ofMinutes(1)) > 0) {
            redis.opsForValue().set(OWNER + code, session.memberId(), left);
        }
        return new SharedInvite(
                code,
                expires,
                props.shareTitle(),
                "/" + props.page() + "?code=" + code,
                props.page(),
                code,
                urlLink(code, left),
                "/api/v1/invites/" + code + "/poster.png");
    }

    /** The poster PNG of one of the member's own codes. */
    public byte[] poster(MemberSession session, String code) throws WxErrorException {
        String owner = redis.opsForValue().get(OWNER + code);
        if (!session.memberId().equals(owner)) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND, "INVITE_NOT_FOUND", "no such invite of yours: POST /api/v1/invites first");
        }
        String cached = redis.opsForValue().get(POSTER + code);
        if (cached != null) {
            return Base64.getDecoder().decode(cached);
        }
        byte[] miniProgramCode = wechat.getQrcodeService()
                .createWxaCodeUnlimitBytes(code, props.page(), false, envVersion, 430, false, null, false);
        String nickname = core.members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(session.memberId()))
                        .build())
                .getNickname();
        byte[] png = renderer.render(
                props.posterTitle(), (nickname.isBlank() ? "你的好友" : nickname) + " 邀请你一起赚积分", code, miniProgramCode);
        redis.opsForValue().set(POSTER + code, Base64.getEncoder().encodeToString(png), props.posterTtl());
        return png;
    }

    private String urlLink(String code, Duration left) {
        String cached = redis.opsForValue().get(LINK + code);
        if (cached != null) {
            return cached;
        }
        int days = (int) Math.max(1, Math.min(30, left.toDays()));
        try {
            String link = wechat.getLinkService()
                    .generateUrlLink(GenerateUrlLinkRequest.builder()
                            .path(props.page())
                            .query("code=" + code)
                            .envVersion(envVersion)
                            .isExpire(true)
                            .expireType(1)
                            .expireInterval(days)
                            .build());
            redis.opsForValue().set(LINK + code, link, Duration.ofDays(days).minusHours(1));
            return link;
        } catch (WxErrorException e) {
            if (!WeChatErrors.transientError(e)) {
                throw WeChatErrors.toApi(e);
            }
            log.warn(
                    "no URL Link for an invite now (errcode {}); the share card and poster still work",
                    e.getError().getErrorCode());
            return null;
        }
    }
}
