package com.tierpoint.core.engagement.application;

import com.tierpoint.core.engagement.infrastructure.CheckInMapper;
import com.tierpoint.core.engagement.infrastructure.CheckInRow;
import com.tierpoint.core.engagement.model.CheckIn;
import com.tierpoint.core.engagement.model.CheckInPolicy;
import com.tierpoint.core.engagement.model.Reward;
import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.application.MemberChange;
import com.tierpoint.core.member.application.MemberWrites;
import com.tierpoint.core.points.application.GrowthLedger;
import com.tierpoint.core.points.application.PointsLedger;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.CheckInRule;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.RuleRejected;
import com.tierpoint.core.shared.model.Validation;
import com.tierpoint.core.tier.application.RecalculatingTier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Daily check-in (签到). The member's row lock orders check-ins of one member; the primary key
 * (member_id, check_in_day) of {@code check_in}, inserted in the same transaction as the reward,
 * is what makes it once a day. A second check-in of the day returns the first one and grants
 * nothing.
 */
@Service
public class CheckingIn {

    public static final String SOURCE = "check-in";

    public record Command(String memberId) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
        }
    }

    /** {@code next} is what checking in the next day earns. */
    public record Result(CheckIn checkIn, boolean alreadyCheckedIn, Reward next) {}

    private final MemberWrites members;
    private final CheckInMapper checkIns;
    private final PointsLedger ledger;
    private final GrowthLedger growth;
    private final RecalculatingTier tiers;
    private final ProgramStore programs;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    CheckingIn(
            MemberWrites members,
            CheckInMapper checkIns,
            PointsLedger ledger,
            GrowthLedger growth,
            RecalculatingTier tiers,
            ProgramStore programs,
            IdempotentExecutor idempotent,
            Clock clock) {
        this.members = members;
        this.checkIns = checkIns;
        this.ledger = ledger;
        this.growth = growth;
        this.tiers = tiers;
        this.programs = programs;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    public Result checkIn(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        Program program = programs.current();
        return idempotent.execute(key, "CheckIn", c, Result.class, () -> apply(c, program));
    }

    private Result apply(Command c, Program program) {
        CheckInRule rule = program.checkIn();
        Optional<RuleRejected> off = CheckInPolicy.checkInMustBeOn(rule);
        if (off.isPresent()) {
            throw off.get();
        }
        MemberChange change = members.begin(MemberId.of(c.memberId()), clock.instant());
        long memberId = change.memberId();
        LocalDate today = LocalDate.ofInstant(change.now(), program.zone());
        CheckInRow done = checkIns.find(memberId, today.toString());
        if (done != null) {
            CheckIn earlier = done.toCheckIn();
            return new Result(earlier, true, CheckInPolicy.nextAfter(rule, earlier));
        }
        CheckInRow latest =
                checkIns.latestOnOrBefore(memberId, today.minusDays(1).toString());
        Reward reward = CheckInPolicy.rewardOn(rule, today, latest == null ? null : latest.toCheckIn());
        Long txnId = null;
        if (reward.points() > 0) {
            String reason = "签到 第" + reward.streak() + "天";
            txnId = ledger.credit(change, reward.points(), reason, SOURCE, null, change.now(), program)
                    .transactionId();
        }
        if (reward.growth() > 0) {
            grantGrowth(change, reward, program);
        }
        CheckIn checkIn = new CheckIn(today, reward.streak(), reward.points(), reward.growth(), txnId, change.now());
        checkIns.insert(CheckInRow.of(memberId, checkIn));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("day", today.toString());
        payload.put("streak", reward.streak());
        payload.put("points", reward.points());
        payload.put("growth", reward.growth());
        payload.put("transaction_id", txnId == null ? null : String.valueOf(txnId));
        change.emit(EventType.CHECKIN_DONE, payload);
        members.commit(change);
        return new Result(checkIn, false, CheckInPolicy.nextAfter(rule, checkIn));
    }

    private void grantGrowth(MemberChange change, Reward reward, Program program) {
        growth.change(change, reward.growth(), "签到 第" + reward.streak() + "天", SOURCE, null);
        tiers.upgradeIfEarned(change, program, Map.of());
    }
}
