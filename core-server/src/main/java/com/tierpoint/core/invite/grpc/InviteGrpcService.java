package com.tierpoint.core.invite.grpc;

import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.invite.application.AcceptingInvite;
import com.tierpoint.core.invite.application.CreatingInvite;
import com.tierpoint.core.invite.application.InvitationView;
import com.tierpoint.core.invite.application.InviteView;
import com.tierpoint.core.invite.application.InvitedFriendView;
import com.tierpoint.core.invite.application.ReadingInvites;
import com.tierpoint.core.invite.application.RewardView;
import com.tierpoint.core.program.grpc.InviteRuleProtos;
import com.tierpoint.proto.v1.AcceptInviteRequest;
import com.tierpoint.proto.v1.CreateInviteRequest;
import com.tierpoint.proto.v1.Invitation;
import com.tierpoint.proto.v1.InvitationReward;
import com.tierpoint.proto.v1.Invite;
import com.tierpoint.proto.v1.InviteServiceGrpc;
import com.tierpoint.proto.v1.InvitedFriend;
import com.tierpoint.proto.v1.ListInvitesRequest;
import com.tierpoint.proto.v1.ListInvitesResponse;
import com.tierpoint.proto.v1.RewardStatus;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class InviteGrpcService extends InviteServiceGrpc.InviteServiceImplBase {

    private final CreatingInvite creating;
    private final AcceptingInvite accepting;
    private final ReadingInvites reading;

    InviteGrpcService(CreatingInvite creating, AcceptingInvite accepting, ReadingInvites reading) {
        this.creating = creating;
        this.accepting = accepting;
        this.reading = reading;
    }

    @Override
    public void createInvite(CreateInviteRequest r, StreamObserver<Invite> out) {
        InviteView v = creating.create(Protos.key(r.getIdempotencyKey()), new CreatingInvite.Command(r.getMemberId()));
        out.onNext(Invite.newBuilder()
                .setCode(v.code())
                .setInviterMemberId(String.valueOf(v.inviterId()))
                .setCreatedAt(Protos.timestamp(v.createdAt()))
                .setExpiresAt(Protos.timestamp(v.expiresAt()))
                .build());
        out.onCompleted();
    }

    @Override
    public void acceptInvite(AcceptInviteRequest r, StreamObserver<Invitation> out) {
        InvitationView v = accepting.accept(
                Protos.key(r.getIdempotencyKey()), new AcceptingInvite.Command(r.getCode(), r.getInviteeMemberId()));
        Invitation.Builder b = Invitation.newBuilder()
                .setInvitationId(String.valueOf(v.invitationId()))
                .setCode(v.code())
                .setInviterMemberId(String.valueOf(v.inviterId()))
                .setInviteeMemberId(String.valueOf(v.inviteeId()))
                .setAcceptedAt(Protos.timestamp(v.acceptedAt()))
                .setStage(InviteRuleProtos.toProto(v.stage()))
                .setValid(v.valid())
                .setWithheld(v.withheld());
        v.rewards().forEach(x -> b.addRewards(toProto(x)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void listInvites(ListInvitesRequest r, StreamObserver<ListInvitesResponse> out) {
        ReadingInvites.Page page = reading.invitesOf(r.getMemberId(), r.getPageSize(), r.getPageToken());
        ListInvitesResponse.Builder b = ListInvitesResponse.newBuilder().setNextPageToken(page.nextPageToken());
        for (InvitedFriendView f : page.invites()) {
            InvitedFriend.Builder fb = InvitedFriend.newBuilder()
                    .setInvitationId(String.valueOf(f.invitationId()))
                    .setMaskedNickname(f.maskedNickname())
                    .setMaskedMemberId(f.maskedMemberId())
                    .setAcceptedAt(Protos.timestamp(f.acceptedAt()))
                    .setStage(InviteRuleProtos.toProto(f.stage()))
                    .setValid(f.valid())
                    .setWithheld(f.withheld());
            f.rewards().forEach(x -> fb.addRewards(toProto(x)));
            b.addInvites(fb);
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    private static InvitationReward toProto(RewardView r) {
        return InvitationReward.newBuilder()
                .setBeneficiary(InviteRuleProtos.toProto(r.beneficiary()))
                .setStage(InviteRuleProtos.toProto(r.stage()))
                .setPoints(r.points())
                .setGrowth(r.growth())
                .setStatus(
                        switch (r.status()) {
                            case GRANTED -> RewardStatus.REWARD_GRANTED;
                            case PENDING -> RewardStatus.REWARD_PENDING;
                            case WITHHELD -> RewardStatus.REWARD_WITHHELD;
                        })
                .setAvailableAt(Protos.timestamp(r.availableAt()))
                .build();
    }
}
