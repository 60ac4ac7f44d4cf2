package com.tierpoint.core.invite;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.support.TestPrograms;
import com.tierpoint.proto.v1.CreateInviteRequest;
import com.tierpoint.proto.v1.InviteServiceGrpc;
import com.tierpoint.proto.v1.InvitedFriend;
import com.tierpoint.proto.v1.ListInvitesRequest;
import com.tierpoint.proto.v1.ListInvitesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListingInvitesTest extends InviteScenario {

    @Test
    void inviteesAreShownMaskedNewestFirst() {
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        String mei = enroll("小美", null, code).getMember().getMemberId();
        clock.advance(Duration.ofMinutes(1));
        String alice = enroll(" Alice", null, code).getMember().getMemberId();
        clock.advance(Duration.ofMinutes(1));
        String nameless = enroll(null, null, code).getMember().getMemberId();

        List<InvitedFriend> friends = list(inviter, 0, "").getInvitesList();

        assertThat(friends).extracting(InvitedFriend::getMaskedNickname).containsExactly("", "A**", "小**");
        assertThat(friends.get(2).getMaskedMemberId())
                .hasSameSizeAs(mei)
                .startsWith(mei.substring(0, 3))
                .endsWith(mei.substring(mei.length() - 4))
                .contains("****")
                .isNotEqualTo(mei);
        assertThat(friends).extracting(InvitedFriend::getMaskedMemberId).doesNotContain(mei, alice, nameless);
        assertThat(friends.get(0).getAcceptedAt().getSeconds())
                .isEqualTo(T0.plus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(friends.get(0).getRewardsCount()).isEqualTo(2);
    }

    @Test
    void invitesArePagedWithTokensUntilTheLastPage() {
        useInvites(TestPrograms.invites().toBuilder().setDailyCap(0).build());
        String inviter = newMember();
        String code = createInvite(inviter).getCode();
        List<String> invitationIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invitationIds.add(0, enroll("友" + i, null, code).getInvitationId());
        }

        ListInvitesResponse first = list(inviter, 2, "");
        ListInvitesResponse second = list(inviter, 2, first.getNextPageToken());
        ListInvitesResponse third = list(inviter, 2, second.getNextPageToken());

        List<String> seen = new ArrayList<>();
        for (ListInvitesResponse page : List.of(first, second, third)) {
            page.getInvitesList().forEach(f -> seen.add(f.getInvitationId()));
        }
        assertThat(first.getInvitesCount()).isEqualTo(2);
        assertThat(second.getInvitesCount()).isEqualTo(2);
        assertThat(third.getInvitesCount()).isEqualTo(1);
        assertThat(third.getNextPageToken()).isEmpty();
        assertThat(seen).containsExactlyElementsOf(invitationIds);
        assertThat(list(newMember(), 0, "").getInvitesList()).isEmpty();
    }

    @Test
    void theReaderKeyMayListButNotCreateCodes() {
        String inviter = newMember();
        newInviteeOf(inviter);
        InviteServiceGrpc.InviteServiceBlockingStub reader = InviteServiceGrpc.newBlockingStub(channel())
                .withCallCredentials(key(READER_KEY))
                .withDeadlineAfter(10, TimeUnit.SECONDS);

        assertThat(reader.listInvites(ListInvitesRequest.newBuilder()
                                .setMemberId(inviter)
                                .build())
                        .getInvitesCount())
                .isEqualTo(1);
        StatusRuntimeException denied = failure(() -> reader.createInvite(CreateInviteRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(inviter)
                .build()));
        assertThat(denied.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void badPagingIsInvalidAndAnUnknownMemberIsNotFound() {
        String inviter = newMember();

        StatusRuntimeException bad = failure(() -> list(inviter, 101, "not-a-token"));
        StatusRuntimeException unknown = failure(() -> list("987654321", 0, ""));

        assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fields(bad)).containsExactlyInAnyOrder("page_size", "page_token");
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static ListInvitesResponse list(String memberId, int pageSize, String token) {
        return invites()
                .listInvites(ListInvitesRequest.newBuilder()
                        .setMemberId(memberId)
                        .setPageSize(pageSize)
                        .setPageToken(token)
                        .build());
    }
}
