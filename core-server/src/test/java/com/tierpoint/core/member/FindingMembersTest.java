package com.tierpoint.core.member;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.FindMembersRequest;
import com.tierpoint.proto.v1.FindMembersResponse;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.SetMemberPhoneRequest;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class FindingMembersTest extends CoreTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPhoneInAnyAcceptedFormIsStoredAsElevenDigitsAndReturnedWithTheMember() {
        String m = newMember();
        String phone = uniquePhone();

        Member set =
                setPhone(m, "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7));

        assertThat(set.getPhone()).isEqualTo(phone);
        assertThat(member(m).getPhone()).isEqualTo(phone);
        assertThat(jdbc.queryForObject("SELECT phone FROM member WHERE id = ?", String.class, Long.parseLong(m)))
                .isEqualTo(phone);
    }

    @Test
    void anEmptyPhoneClearsIt() {
        String m = newMember();
        setPhone(m, uniquePhone());

        Member cleared = setPhone(m, "");

        assertThat(cleared.getPhone()).isEmpty();
        assertThat(member(m).getPhone()).isEmpty();
    }

    @Test
    void somethingThatIsNotAMainlandMobileIsRefusedAndNothingIsWritten() {
        String m = newMember();
        long version = member(m).getVersion();

        for (String bad : List.of("12345", "23800138000", "1380013800a", "+44 20 7946 0958", "138001380001")) {
            assertThatThrownBy(() -> setPhone(m, bad)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(fields(e)).containsExactly("phone");
            });
        }
        assertThat(member(m).getVersion()).isEqualTo(version);
    }

    @Test
    void settingAPhoneTwiceWithOneKeyChangesTheMemberOnce() {
        String m = newMember();
        String key = uniqueKey();
        long version = member(m).getVersion();

        String phone = uniquePhone();

        Member first = setPhone(m, phone, key);
        Member again = setPhone(m, phone, key);

        assertThat(first.getPhone()).isEqualTo(phone);
        assertThat(again.getPhone()).isEqualTo(phone);
        assertThat(member(m).getVersion()).isEqualTo(version + 1);
    }

    @Test
    void membersAreFoundByIdPhoneIdentityAndUnionidAndAnUnknownKeyFindsNobody() {
        String unionid = "u_" + UUID.randomUUID();
        String openid = "o_" + UUID.randomUUID();
        String older = enroll("wxapp_a", openid, unionid);
        clock.advance(java.time.Duration.ofMinutes(1));
        String newer = enroll("wxapp_b", "o_" + UUID.randomUUID(), unionid);
        String phone = uniquePhone();
        setPhone(older, phone);
        setPhone(newer, phone);

        assertThat(ids(find(FindMembersRequest.newBuilder().setMemberId(older))))
                .containsExactly(older);
        assertThat(ids(find(FindMembersRequest.newBuilder().setPhone("86" + phone))))
                .as("newest enrolled first")
                .containsExactly(newer, older);
        assertThat(ids(find(FindMembersRequest.newBuilder()
                        .setIdentity(
                                WeChatIdentity.newBuilder().setAppId("wxapp_a").setOpenid(openid)))))
                .containsExactly(older);
        assertThat(ids(find(FindMembersRequest.newBuilder().setUnionid(unionid))))
                .containsExactly(newer, older);
        assertThat(find(FindMembersRequest.newBuilder().setMemberId("999999999999"))
                        .getMembersList())
                .isEmpty();
        assertThat(find(FindMembersRequest.newBuilder().setPhone(uniquePhone())).getMembersList())
                .isEmpty();
        assertThat(find(FindMembersRequest.newBuilder().setUnionid("u_nobody")).getMembersList())
                .isEmpty();
    }

    @Test
    void aLookupWithoutAKeyOrWithABadPhoneIsInvalid() {
        assertThatThrownBy(() -> find(FindMembersRequest.newBuilder()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("by"));
        assertThatThrownBy(() -> find(FindMembersRequest.newBuilder().setPhone("110")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("phone"));
    }

    @Test
    void aPhoneSharedByMoreThanTwentyMembersReturnsTwentyAndSaysSo() {
        String phone = uniquePhone();
        for (int i = 0; i < 21; i++) {
            setPhone(newMember(), phone);
        }

        FindMembersResponse found = find(FindMembersRequest.newBuilder().setPhone(phone));

        assertThat(found.getMembersList()).hasSize(20);
        assertThat(found.getTruncated()).isTrue();
    }

    private static String enroll(String appId, String openid, String unionid) {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setIdentity(WeChatIdentity.newBuilder()
                                .setAppId(appId)
                                .setOpenid(openid)
                                .setUnionid(unionid))
                        .build())
                .getMember()
                .getMemberId();
    }

    private static FindMembersResponse find(FindMembersRequest.Builder r) {
        return members().findMembers(r.build());
    }

    private static List<String> ids(FindMembersResponse r) {
        return r.getMembersList().stream().map(Member::getMemberId).toList();
    }

    static Member setPhone(String m, String phone) {
        return setPhone(m, phone, uniqueKey());
    }

    static Member setPhone(String m, String phone, String key) {
        return members()
                .setMemberPhone(SetMemberPhoneRequest.newBuilder()
                        .setIdempotencyKey(key)
                        .setMemberId(m)
                        .setPhone(phone)
                        .build());
    }

    /** A random mobile number, so runs against one database never share one. */
    static String uniquePhone() {
        long n = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
        return "19" + String.format("%09d", n);
    }
}
