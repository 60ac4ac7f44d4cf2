package com.tierpoint.core.member;

import static com.tierpoint.core.support.GrpcErrors.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.ResolveUnionidsRequest;
import com.tierpoint.proto.v1.ResolveUnionidsResponse;
import com.tierpoint.proto.v1.UnionidMembers;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ResolveUnionids: the members of many WeChat unionids in one call. */
class ResolvingUnionidsTest extends CoreTestBase {

    @Test
    void eachUnionidIsAnsweredWithItsMembersInTheOrderAskedAndUnknownOnesAreLeftOut() {
        String ann = unionid();
        String ben = unionid();
        String annInTheMiniProgram = enroll("wxtest", ann);
        String annInTheOfficialAccount = enroll("wxother", ann);
        String benHere = enroll("wxtest", ben);

        ResolveUnionidsResponse r = resolve(List.of(ben, unionid(), ann, ben));

        assertThat(r.getResolvedList()).extracting(UnionidMembers::getUnionid).containsExactly(ben, ann);
        assertThat(r.getResolved(0).getMemberIdsList()).containsExactly(benHere);
        assertThat(r.getResolved(1).getMemberIdsList()).containsExactly(annInTheMiniProgram, annInTheOfficialAccount);
    }

    @Test
    void noUnionidsTooManyOrABlankOneIsRefusedNamingTheField() {
        List<String> tooMany = new ArrayList<>(Collections.nCopies(501, "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"));

        assertRefused(List.of(), "unionids");
        assertRefused(tooMany, "unionids");
        assertRefused(List.of(unionid(), " "), "unionids[1]");
        assertRefused(List.of("u".repeat(129)), "unionids[0]");
    }

    private static void assertRefused(List<String> unionids, String field) {
        assertThatThrownBy(() -> resolve(unionids)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(fields(e)).containsExactly(field);
        });
    }

    private static ResolveUnionidsResponse resolve(List<String> unionids) {
        return members()
                .resolveUnionids(ResolveUnionidsRequest.newBuilder()
                        .addAllUnionids(unionids)
                        .build());
    }

    private static String enroll(String appId, String unionid) {
        return members()
                .enrollMember(EnrollMemberRequest.newBuilder()
                        .setIdempotencyKey(UUID.randomUUID().toString())
                        .setIdentity(WeChatIdentity.newBuilder()
                                .setAppId(appId)
                                .setOpenid("o_" + UUID.randomUUID())
                                .setUnionid(unionid))
                        .build())
                .getMember()
                .getMemberId();
    }

    private static String unionid() {
        return "u_" + UUID.randomUUID();
    }
}
