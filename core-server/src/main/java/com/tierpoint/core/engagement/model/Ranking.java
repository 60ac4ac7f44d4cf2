package com.tierpoint.core.engagement.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Competition ranking: equal totals share a rank and the next total skips ahead (1, 2, 2, 4).
 * A rank is 1 + the number of members with a strictly higher total.
 */
public final class Ranking {

    /** A member's total on a board, before ranking. */
    public record Score(long memberId, long points) {}

    public record Ranked(int rank, long memberId, long points) {}

    private Ranking() {}

    /** Ranks the top of a board, given best first and starting from the very top. */
    public static List<Ranked> top(List<Score> bestFirst) {
        List<Ranked> out = new ArrayList<>(bestFirst.size());
        for (int i = 0; i < bestFirst.size(); i++) {
            Score s = bestFirst.get(i);
            int rank = i > 0 && out.get(i - 1).points() == s.points()
                    ? out.get(i - 1).rank()
                    : i + 1;
            out.add(new Ranked(rank, s.memberId(), s.points()));
        }
        return out;
    }

    /** The rank of a total that {@code higher} members beat. */
    public static int rankBehind(long higher) {
        return Math.toIntExact(higher + 1);
    }
}
