package com.tierpoint.gateway.invite;

import com.google.protobuf.Timestamp;
import com.tierpoint.gateway.core.CoreClient;
import com.tierpoint.gateway.ratelimit.RateLimited;
import com.tierpoint.gateway.session.MemberSession;
import com.tierpoint.proto.v1.AcceptInviteRequest;
import com.tierpoint.proto.v1.Invitation;
import com.tierpoint.proto.v1.InvitationReward;
import com.tierpoint.proto.v1.ListInvitesRequest;
import com.tierpoint.proto.v1.ListInvitesResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invites")
@Validated
@Tag(name = "invites", description = "invitation rewards (邀请有礼): share, poster, accept, invitees")
class InviteController {

    private static final String CODE = "[0-9A-Za-z]{4,32}";

    private final CoreClient core;
    private final SharingInvites sharing;

    InviteController(CoreClient core, SharingInvites sharing) {
        this.core = core;
        this.sharing = sharing;
    }

    @PostMapping
    @RateLimited("invite-create")
    @Operation(summary = "The member's invite code with its share payload, URL Link and poster address")
    SharingInvites.SharedInvite create(MemberSession session) {
        return sharing.share(session);
    }

    @GetMapping(value = "/{code}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
    @RateLimited("poster")
    @Operation(summary = "A poster (PNG) with the mini-program code of one of the member's invite codes")
    ResponseEntity<byte[]> poster(
            MemberSession session, @PathVariable @Pattern(regexp = CODE, message = "is not an invite code") String code)
            throws WxErrorException {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .body(sharing.poster(session, code.toUpperCase(java.util.Locale.ROOT)));
    }

    record AcceptRequest(@NotBlank @Pattern(regexp = CODE, message = "is not an invite code") String code) {}

    record Reward(String beneficiary, String stage, long points, long growth, String status, Instant availableAt) {}

    record Accepted(
            String invitationId, String inviterMemberId, Instant acceptedAt, String stage, List<Reward> rewards) {}

    @PostMapping("/accept")
    @RateLimited("invite-accept")
    @Operation(summary = "Accept a friend's invite code as a new member (refusals answer 409 with the rule's reason)")
    Accepted accept(MemberSession session, @Valid @RequestBody AcceptRequest req) {
        Invitation inv = core.invites()
                .acceptInvite(AcceptInviteRequest.newBuilder()
                        .setIdempotencyKey("accept-" + UUID.randomUUID())
                        .setCode(req.code())
                        .setInviteeMemberId(session.memberId())
                        .build());
        return new Accepted(
                inv.getInvitationId(),
                inv.getInviterMemberId(),
                instant(inv.getAcceptedAt()),
                inv.getStage().name(),
                rewards(inv.getRewardsList()));
    }

    record Friend(
            String invitationId,
            String nickname,
            String memberId,
            Instant acceptedAt,
            String stage,
            boolean valid,
            boolean withheld,
            List<Reward> rewards) {}

    record FriendPage(List<Friend> invites, String nextPageToken) {}

    @GetMapping
    @Operation(summary = "The member's invitees (masked), the stage each reached and the rewards, newest first")
    FriendPage list(
            MemberSession session,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(defaultValue = "") @Size(max = 200) String pageToken) {
        ListInvitesResponse r = core.invites()
                .listInvites(ListInvitesRequest.newBuilder()
                        .setMemberId(session.memberId())
                        .setPageSize(pageSize)
                        .setPageToken(pageToken)
                        .build());
        return new FriendPage(
                r.getInvitesList().stream()
                        .map(f -> new Friend(
                                f.getInvitationId(),
                                f.getMaskedNickname(),
                                f.getMaskedMemberId(),
                                instant(f.getAcceptedAt()),
                                f.getStage().name(),
                                f.getValid(),
                                f.getWithheld(),
                                rewards(f.getRewardsList())))
                        .toList(),
                r.getNextPageToken().isEmpty() ? null : r.getNextPageToken());
    }

    private static List<Reward> rewards(List<InvitationReward> list) {
        return list.stream()
                .map(w -> new Reward(
                        w.getBeneficiary().name(),
                        w.getStage().name(),
                        w.getPoints(),
                        w.getGrowth(),
                        w.getStatus().name(),
                        instant(w.getAvailableAt())))
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t.getSeconds() == 0 ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
