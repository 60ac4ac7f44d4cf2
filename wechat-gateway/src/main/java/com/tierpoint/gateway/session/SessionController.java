package com.tierpoint.gateway.session;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.ratelimit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/session")
@Tag(name = "session", description = "wx.login -> the gateway's own session token")
class SessionController {

    private final LoggingIn loggingIn;
    private final SessionStore sessions;
    private final Clock clock;

    SessionController(LoggingIn loggingIn, SessionStore sessions, Clock clock) {
        this.loggingIn = loggingIn;
        this.sessions = sessions;
        this.clock = clock;
    }

    record LoginRequest(
            @NotBlank @Size(max = 128) String code,
            @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z]*", message = "must be letters and digits") String inviteCode,
            @Size(max = 64) String nickname) {}

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    /**
     * @param expiresIn seconds the access token is good for
     * @param inviteRejectionReason when an invite code came along and was refused, why (e.g.
     *     {@code INVITEE_NOT_NEW}); the login itself still succeeds
     */
    record SessionResponse(
            String accessToken,
            long expiresIn,
            String refreshToken,
            String memberId,
            boolean newMember,
            String inviteRejectionReason) {

        static SessionResponse of(LoggingIn.Result r, Clock clock) {
            long ttl =
                    Duration.between(clock.instant(), r.accessTokenExpiresAt()).toSeconds();
            return new SessionResponse(
                    r.accessToken(),
                    ttl,
                    r.refreshToken(),
                    r.memberId(),
                    r.newMember(),
                    r.inviteRejectionReason() == null
                                    || r.inviteRejectionReason().isEmpty()
                            ? null
                            : r.inviteRejectionReason());
        }
    }

    @PostMapping
    @RateLimited("login")
    @Operation(summary = "Log in with a wx.login code; enrolls the user on first login (with an optional invite code)")
    SessionResponse login(@Valid @RequestBody LoginRequest req) throws WxErrorException {
        return SessionResponse.of(
                loggingIn.login(new LoggingIn.Command(req.code(), req.inviteCode(), req.nickname())), clock);
    }

    @PostMapping("/refresh")
    @RateLimited("login")
    @Operation(summary = "Trade a refresh token (single use) for a new access token and refresh token")
    SessionResponse refresh(@Valid @RequestBody RefreshRequest req) {
        SessionStore.Refreshed r = sessions.refresh(req.refreshToken())
                .orElseThrow(() -> ApiException.unauthorized(
                        "SESSION_EXPIRED", "the refresh token is not valid any more: log in again"));
        return SessionResponse.of(loggingIn.issue(r.session(), r.refreshToken(), false, null), clock);
    }

    @DeleteMapping
    @Operation(summary = "Log out: the session's tokens stop working at once")
    ResponseEntity<Void> logout(MemberSession session) {
        sessions.end(session.sessionId());
        return ResponseEntity.noContent().build();
    }
}
