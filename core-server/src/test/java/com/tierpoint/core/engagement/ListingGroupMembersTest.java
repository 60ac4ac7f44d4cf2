package com.tierpoint.core.engagement;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.proto.v1.GroupMember;
import com.tierpoint.proto.v1.ListGroupMembersRequest;
import com.tierpoint.proto.v1.ListGroupMembersResponse;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListingGroupMembersTest extends EngagementTestBase {

    @Test
    void aGroupsMembersArePagedByIdWithNicknameTierAndAvailablePoints() {
        String group = "wrList" + UUID.randomUUID().toString().substring(0, 8);
        List<String> inGroup = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String m = newMember();
            earn(m, 10L * (i + 1));
            setGroups(m, List.of(group), List.of());
            inGroup.add(m);
        }
        String outsider = newMember();
        setGroups(outsider, List.of(group + "x"), List.of());
        inGroup.sort(Comparator.comparingLong(Long::parseLong));

        ListGroupMembersResponse first = page(group, 2, "");
        ListGroupMembersResponse second = page(group, 2, first.getNextPageToken());
        ListGroupMembersResponse third = page(group, 2, second.getNextPageToken());

        List<GroupMember> all = new ArrayList<>(first.getMembersList());
        all.addAll(second.getMembersList());
        all.addAll(third.getMembersList());
        assertThat(all).extracting(GroupMember::getMemberId).containsExactlyElementsOf(inGroup);
        assertThat(third.getNextPageToken()).isEmpty();
        GroupMember one = all.get(0);
        assertThat(one.getTier().getCode())
                .isEqualTo(member(one.getMemberId()).getTier().getCode());
        assertThat(one.getPointsAvailable()).isEqualTo(member(one.getMemberId()).getPointsAvailable());
        assertThat(one.getPointsAvailable()).isPositive();
        assertThat(one.hasJoinedAt()).isTrue();
    }

    @Test
    void anUnknownGroupIsAnEmptyPageAndABadGroupIdIsInvalid() {
        assertThat(page("wrNobodyHere", 0, "").getMembersList()).isEmpty();
        assertThatThrownBy(() -> page("has space", 0, ""))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("group_id"));
        assertThatThrownBy(() -> page("wrX", 0, "not-a-token"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("page_token"));
    }

    private static ListGroupMembersResponse page(String group, int size, String token) {
        return engagement()
                .listGroupMembers(ListGroupMembersRequest.newBuilder()
                        .setGroupId(group)
                        .setPageSize(size)
                        .setPageToken(token)
                        .build());
    }
}
