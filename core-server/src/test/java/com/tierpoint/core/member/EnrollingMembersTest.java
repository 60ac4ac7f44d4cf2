package com.tierpoint.core.member;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.TierProgress;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrollingMembersTest extends CoreTestBase {

    @Test
    void enrollingStartsAMemberInTheEntryTierWithNothingYet() {
        WeChatIdentity id = identity();

        EnrollMemberResponse r = enroll(id, "小美", "1995-05-17");

        Member m = r.getMember();
        assertThat(r.getCreated()).isTrue();
        assertThat(m.getTier().getCode()).isEqualTo("MEMBER");
        assertThat(m.getNickname()).isEqualTo("小美");
        assertThat(m.getBirthday()).isEqualTo("1995-05-17");
        assertThat(m.getPointsAvailable()).isZero();
        assertThat(m.getGrowthValue()).isZero();
        assertThat(m.hasTierValidUntil()).isFalse();
        assertThat(m.getEnrolledAt().getSeconds()).isEqualTo(T0.getEpochSecond());
    }

    @Test
    void enrollingTheSameIdentityAgainReturnsTheSameMemberEvenWithANewKey() {
        WeChatIdentity id = identity();
        Member first = enroll(id, "a", "").getMember();

        EnrollMemberResponse again = enroll(id, "b", "");

        assertThat(again.getCreated()).isFalse();
        assertThat(again.getMember().getMemberId()).isEqualTo(first.getMemberId());
        assertThat(again.getMember().getNickname()).isEqualTo("a");
    }

    @Test
    void aMemberCanBeReadByIdOrByWeChatIdentity() {
        WeChatIdentity id = identity();
        String memberId = enroll(id, "", "").getMember().getMemberId();

        Member byIdentity = members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setIdentity(id))
                        .build());
        Member byId = members()
                .getMember(GetMemberRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(memberId))
                        .build());

        assertThat(byIdentity.getMemberId()).isEqualTo(memberId);
        assertThat(byId).isEqualTo(byIdentity);
    }

    @Test
    void anUnknownIdentityIsNotFoundAndAMissingReferenceIsInvalid() {
        assertThatThrownBy(() -> members()
                        .getMember(GetMemberRequest.newBuilder()
                                .setMember(MemberRef.newBuilder().setIdentity(identity()))
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> members().getMember(GetMemberRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactly("member");
                });
    }

    @Test
    void enrollmentWithoutOpenidOrWithABadBirthdayIsRefused() {
        assertThatThrownBy(() ->
                        enroll(WeChatIdentity.newBuilder().setAppId("wxtest").build(), "", "1995-13-01"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(fields(e)).containsExactlyInAnyOrder("identity.openid", "birthday");
                });
        assertThatThrownBy(() -> enroll(identity(), "", "2099-01-01"))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class, e -> assertThat(fields(e)).containsExactly("birthday"));
    }

    @Test
    void aNewMembersProgressShowsWhatTheNextTierNeeds() {
        String memberId = enroll(identity(), "", "").getMember().getMemberId();

        TierProgress p = members()
                .getTierProgress(GetTierProgressRequest.newBuilder()
                        .setMember(MemberRef.newBuilder().setMemberId(memberId))
                        .build());

        assertThat(p.getCurrentTier().getCode()).isEqualTo("MEMBER");
        assertThat(p.getNextTier().getCode()).isEqualTo("SILVER");
        assertThat(p.getNextTierRequirementsList())
                .extracting(r -> r.getMetric() + " " + r.getCurrent() + "/" + r.getRequired() + " " + r.getMet())
                .containsExactly("GROWTH_VALUE 0/1000 false", "ORDER_COUNT 0/5 false");
        assertThat(p.getNextTierRequirements(1).getWindowDays()).isEqualTo(365);
        assertThat(p.hasRetention()).isFalse();
    }

    private static WeChatIdentity identity() {
        return WeChatIdentity.newBuilder()
                .setAppId("wxtest")
                .setOpenid("o_" + UUID.randomUUID())
                .build();
    }

    private static EnrollMemberResponse enroll(WeChatIdentity id, String nickname, String birthday) {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(uniqueKey())
                        .setIdentity(id)
                        .setNickname(nickname)
                        .setBirthday(birthday)
                        .build());
    }
}
