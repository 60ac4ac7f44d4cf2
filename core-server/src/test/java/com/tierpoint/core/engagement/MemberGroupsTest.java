package com.tierpoint.core.engagement;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static com.tierpoint.core.support.GrpcErrors.reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.events.OutboxMapper;
import com.tierpoint.core.events.OutboxRow;
import com.tierpoint.proto.v1.ListMemberGroupsRequest;
import com.tierpoint.proto.v1.MemberGroups;
import com.tierpoint.proto.v1.SetMemberGroupsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MemberGroupsTest extends EngagementTestBase {

    @Autowired
    OutboxMapper outbox;

    @Test
    void groupsAreAddedAndRemovedAndListedSortedWithOneEventPerChange() {
        String m = newMember();
        String g1 = "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA";
        String g2 = "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAB";
        String g3 = "wrOgQhDgAAZZZ";

        MemberGroups added = setGroups(m, List.of(g2, g1, g3, g1), List.of());
        MemberGroups changed = setGroups(m, List.of(), List.of(g2, "wrNeverJoined"));

        assertThat(added.getMemberId()).isEqualTo(m);
        assertThat(added.getGroupIdsList()).as("in ASCII order").containsExactly(g3, g1, g2);
        assertThat(changed.getGroupIdsList()).containsExactly(g3, g1);
        assertThat(list(m).getGroupIdsList()).containsExactly(g3, g1);
        List<OutboxRow> events = events(m);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).payload)
                .contains("\"removed_group_ids\":[\"" + g2 + "\"]")
                .contains("\"group_ids\":[\"" + g3 + "\",\"" + g1 + "\"]");
    }

    @Test
    void groupIdsAreCaseSensitive() {
        String m = newMember();

        MemberGroups groups = setGroups(m, List.of("wrAbC", "wrabc"), List.of());

        assertThat(groups.getGroupIdsList()).containsExactly("wrAbC", "wrabc");
    }

    @Test
    void aChangeThatChangesNothingLeavesTheMemberAsItWas() {
        String m = newMember();
        setGroups(m, List.of("wrKeep"), List.of());
        long version = member(m).getVersion();

        MemberGroups same = setGroups(m, List.of("wrKeep"), List.of("wrNotIn"));

        assertThat(same.getGroupIdsList()).containsExactly("wrKeep");
        assertThat(member(m).getVersion()).isEqualTo(version);
        assertThat(events(m)).hasSize(1);
    }

    @Test
    void aRetriedKeyReplaysTheChangeOnce() {
        String m = newMember();
        SetMemberGroupsRequest request = SetMemberGroupsRequest.newBuilder()
                .setIdempotencyKey(uniqueKey())
                .setMemberId(m)
                .addAddGroupIds("wrOnce")
                .build();

        MemberGroups first = engagement().setMemberGroups(request);
        setGroups(m, List.of(), List.of("wrOnce"));
        MemberGroups retried = engagement().setMemberGroups(request);

        assertThat(retried).isEqualTo(first);
        assertThat(list(m).getGroupIdsList())
                .as("the retry did not add the group again")
                .isEmpty();
    }

    @Test
    void invalidGroupIdsAreRejectedNamingEachAndChangeNothing() {
        String m = newMember();
        setGroups(m, List.of("wrStay"), List.of());
        long version = member(m).getVersion();

        assertThatThrownBy(() -> setGroups(m, List.of("wr ok", "x".repeat(65), ""), List.of("wr\u7FA4")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e))
                            .containsExactlyInAnyOrder(
                                    "add_group_ids[0]", "add_group_ids[1]", "add_group_ids[2]", "remove_group_ids[0]");
                });
        assertThatThrownBy(() -> setGroups(m, List.of("wrBoth"), List.of("wrBoth")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(fields(e))
                        .containsExactly("remove_group_ids[0]"));
        assertThatThrownBy(() -> setGroups(m, List.of(), List.of()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("add_group_ids"));

        assertThat(list(m).getGroupIdsList()).containsExactly("wrStay");
        assertThat(member(m).getVersion()).isEqualTo(version);
    }

    @Test
    void aMemberBelongsToAtMost100Groups() {
        String m = newMember();
        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add("wrG" + i);
        }
        setGroups(m, hundred, List.of());

        assertThatThrownBy(() -> setGroups(m, List.of("wrOneTooMany"), List.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                    assertThat(reason(e)).isEqualTo("TOO_MANY_GROUPS");
                });
        assertThat(setGroups(m, List.of("wrOneTooMany"), List.of("wrG0")).getGroupIdsList())
                .hasSize(100)
                .contains("wrOneTooMany")
                .doesNotContain("wrG0");
    }

    @Test
    void anUnknownMemberIsNotFound() {
        assertThatThrownBy(() -> list("999999999999"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> setGroups("999999999999", List.of("wrX"), List.of()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private static MemberGroups list(String m) {
        return engagement()
                .listMemberGroups(
                        ListMemberGroupsRequest.newBuilder().setMemberId(m).build());
    }

    private List<OutboxRow> events(String m) {
        return outbox.ofMember(Long.parseLong(m)).stream()
                .filter(e -> e.eventType.equals("member.groups_changed"))
                .toList();
    }
}
