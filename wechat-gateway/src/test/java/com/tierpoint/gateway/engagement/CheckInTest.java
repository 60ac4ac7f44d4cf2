package com.tierpoint.gateway.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tierpoint.gateway.support.GatewayTestBase;
import com.tierpoint.gateway.support.Http;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckInTest extends GatewayTestBase {

    @Test
    void checkingInTwiceADayGrantsOnceAndTheSecondAnswerSaysSo() {
        User u = login();

        JsonNode first = http.post("/api/v1/checkin", Map.of(), u.accessToken()).json();
        JsonNode second =
                http.post("/api/v1/checkin", Map.of(), u.accessToken()).json();

        assertThat(first.get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(first.get("points").asLong()).isEqualTo(5);
        assertThat(first.get("streak").asInt()).isEqualTo(1);
        assertThat(second.get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(second.get("day").asText()).isEqualTo(first.get("day").asText());
        assertThat(http.get("/api/v1/me", u.accessToken())
                        .json()
                        .at("/points/available")
                        .asLong())
                .isEqualTo(5);
    }

    @Test
    void theCalendarShowsTodayDone() {
        User u = login();
        http.post("/api/v1/checkin", Map.of(), u.accessToken());

        JsonNode cal = http.get("/api/v1/checkin/calendar", u.accessToken()).json();

        assertThat(cal.get("checkedInToday").asBoolean()).isTrue();
        assertThat(cal.get("currentStreak").asInt()).isEqualTo(1);
        assertThat(cal.get("month").asText()).isEqualTo("2026-03");
        assertThat(cal.get("days")).hasSize(1);
    }

    @Test
    void aMalformedMonthIs400() {
        User u = login();

        Http.Response r = http.get("/api/v1/checkin/calendar?month=March", u.accessToken());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/fields/0/field").asText()).isEqualTo("month");
    }

    @Test
    void theLeaderboardRanksThisMonthsPointsAndShowsTheMembersOwnRank() {
        User leader = login();
        User me = login();
        earn(leader.memberId(), 900, "活动奖励");
        earn(me.memberId(), 100, "活动奖励");

        JsonNode board =
                http.get("/api/v1/leaderboard?top=100", me.accessToken()).json();

        assertThat(board.get("month").asText()).isEqualTo("2026-03");
        assertThat(board.at("/mine/points").asLong()).isEqualTo(100);
        int leaderRank = -1;
        int myRank = -1;
        for (JsonNode e : board.get("entries")) {
            if (e.get("me").asBoolean()) {
                myRank = e.get("rank").asInt();
            } else if (e.get("points").asLong() == 900 && leaderRank < 0) {
                leaderRank = e.get("rank").asInt();
            }
        }
        assertThat(myRank).isEqualTo(board.at("/mine/rank").asInt());
        assertThat(leaderRank).isPositive().isLessThan(myRank);
    }
}
