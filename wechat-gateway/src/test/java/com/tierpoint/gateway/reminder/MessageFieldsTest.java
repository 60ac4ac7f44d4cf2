package com.tierpoint.gateway.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template fields filled from event values and cut to WeChat's limits per field type. */
class MessageFieldsTest {

    private final MessageFields fields = new MessageFields(ZoneId.of("Asia/Shanghai"));

    @Test
    void placeholdersAreFilledAndDatesShownInTheProgramZone() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("number1", "{points}");
        data.put("date2", "{expires_at|date}");
        data.put("time3", "{expires_at|datetime}");
        data.put("amount4", "{spend|yuan}");
        data.put("thing5", "升级为{to_tier_name}");

        Map<String, String> out = fields.render(
                data,
                Map.of(
                        "points", "150",
                        "expires_at", "2027-03-09T17:30:00Z",
                        "spend", "20050",
                        "to_tier_name", "金卡会员"));

        assertThat(out)
                .containsEntry("number1", "150")
                .containsEntry("date2", "2027年3月10日")
                .containsEntry("time3", "2027年3月10日 01:30")
                .containsEntry("amount4", "¥200.50")
                .containsEntry("thing5", "升级为金卡会员");
    }

    @Test
    void aLongThingIsCutTo20CharactersWithAnEllipsis() {
        String summary = "再消费¥200.00即可保级金卡会员，截至2026-12-31";

        String fitted = MessageFields.fit("thing3", summary);

        assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(20);
        assertThat(fitted).startsWith("再消费¥200.00即可保级").endsWith("…");
    }

    @Test
    void eachTypeHasItsOwnLimit() {
        assertThat(MessageFields.fit("phrase2", "积分即将过期")).isEqualTo("积分即将过");
        assertThat(MessageFields.fit("character_string9", "x".repeat(40))).hasSize(32);
        assertThat(MessageFields.fit("name1", "张".repeat(12))).hasSize(10);
        assertThat(MessageFields.fit("name1", "a".repeat(25))).hasSize(20);
        assertThat(MessageFields.fit("date2", "2027年3月10日 01:30")).isEqualTo("2027年3月10日 01:30");
    }

    @Test
    void aMissingValueLeavesItsPlaceEmpty() {
        assertThat(fields.fill("{nothing}人", Map.of())).isEqualTo("人");
    }

    @Test
    void anUnknownFilterFailsAtStartup() {
        assertThatThrownBy(() -> MessageFields.validate("t", Map.of("thing1", "{x|upper}")))
                .hasMessageContaining("unknown filter |upper");
    }

    @Test
    void quietHoursWrapMidnight() {
        QuietHours q = QuietHours.parse("22:00-08:00", ZoneId.of("Asia/Shanghai"));

        assertThat(q.endOf(Instant.parse("2026-03-10T15:00:00Z"))) // 23:00
                .contains(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(q.endOf(Instant.parse("2026-03-10T20:00:00Z"))) // 04:00
                .contains(Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(q.endOf(Instant.parse("2026-03-10T02:00:00Z"))).isEmpty(); // 10:00
    }
}
