package com.tierpoint.core.invite.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InviteCodeAndMaskTest {

    @Test
    void generatedCodesUseOnlyTheCrockfordAlphabetAndReadBackUnchanged() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            String code = InviteCode.generate(random);
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(InviteCode.canonical(code)).isEqualTo(code);
        }
    }

    @Test
    void readingForgivesCaseHyphensAndLookalikesButNothingElse() {
        assertThat(InviteCode.canonical("abcde-fghjk")).isEqualTo("ABCDEFGHJK");
        assertThat(InviteCode.canonical("oOiIlL12345")).isNull();
        assertThat(InviteCode.canonical("oOiIl12345")).isEqualTo("0011112345");
        assertThat(InviteCode.canonical("ABCDEFGHJU")).as("U is not Crockford").isNull();
        assertThat(InviteCode.canonical("ABCDEFGHJ")).as("too short").isNull();
        assertThat(InviteCode.wellFormed("scene=ABC")).isTrue();
        assertThat(InviteCode.wellFormed("ABC DEF")).isFalse();
        assertThat(InviteCode.wellFormed("邀请码")).isFalse();
        assertThat(InviteCode.wellFormed("A".repeat(33))).isFalse();
    }

    @Test
    void anInviteeIsMaskedToAFirstCharacterAndTheEdgesOfTheirId() {
        assertThat(InviteeMask.nickname("小美")).isEqualTo("小**");
        assertThat(InviteeMask.nickname("😀 smile")).isEqualTo("😀**");
        assertThat(InviteeMask.nickname("  ")).isEmpty();
        assertThat(InviteeMask.nickname(null)).isEmpty();
        assertThat(InviteeMask.memberId(1_234_567_890_123_456_789L)).isEqualTo("123************6789");
        assertThat(InviteeMask.memberId(1_234_567L)).isEqualTo("*******");
    }
}
