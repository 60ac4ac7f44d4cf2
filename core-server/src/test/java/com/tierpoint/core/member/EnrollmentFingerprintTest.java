package com.tierpoint.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpoint.core.member.application.EnrollingMember;
import com.tierpoint.core.shared.infrastructure.Json;
import org.junit.jupiter.api.Test;

class EnrollmentFingerprintTest {

    @Test
    void anEnrollmentWithoutAnInviteCodeIsFingerprintedAsBeforeCodesExisted() {
        String without = Json.write(new EnrollingMember.Command("wx1", "o1", null, "小美", null));
        String with = Json.write(new EnrollingMember.Command("wx1", "o1", null, "小美", null, "ABCDEFGHJK"));

        assertThat(without)
                .isEqualTo(
                        "{\"appId\":\"wx1\",\"openid\":\"o1\",\"unionid\":null,\"nickname\":\"小美\",\"birthday\":null}");
        assertThat(with).contains("\"inviteCode\":\"ABCDEFGHJK\"");
    }
}
