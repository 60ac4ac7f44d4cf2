package com.tierpoint.gateway.invite;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tierpoint.invites.*}: how an invite is shared.
 *
 * @param page the mini-program page an invitee lands on, without a leading slash; it reads the
 *     code from {@code options.code} (share card, URL Link) or {@code options.scene} (poster code)
 * @param shareTitle the share card's title
 * @param posterTitle the headline on the poster
 * @param posterTtl how long a rendered poster (and its mini-program code) is kept in Redis
 */
@ConfigurationProperties("tierpoint.invites")
public record InviteProperties(
        @DefaultValue("pages/invite/accept") String page,
        @DefaultValue("送你一份会员礼包，一起来领积分") String shareTitle,
        @DefaultValue("邀请你加入会员") String posterTitle,
        @DefaultValue("7d") Duration posterTtl) {}
