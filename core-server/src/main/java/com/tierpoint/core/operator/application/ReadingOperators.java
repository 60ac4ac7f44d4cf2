package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.infrastructure.GrantDayMapper;
import com.tierpoint.core.operator.infrastructure.OperatorMapper;
import com.tierpoint.core.operator.infrastructure.OperatorRow;
import com.tierpoint.core.operator.model.Operator;
import com.tierpoint.core.operator.model.OperatorPolicy;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;

/** GetOperator and ListOperators, with what each moved today. */
@Service
public class ReadingOperators {

    private final OperatorMapper operators;
    private final GrantDayMapper grantDays;
    private final ProgramStore programs;
    private final Clock clock;

    ReadingOperators(OperatorMapper operators, GrantDayMapper grantDays, ProgramStore programs, Clock clock) {
        this.operators = operators;
        this.grantDays = grantDays;
        this.programs = programs;
        this.clock = clock;
    }

    public OperatorView get(String userId) {
        Validation v = new Validation();
        OperatorIds.validate(userId, "user_id", v);
        v.throwIfInvalid();
        OperatorRow row = operators.selectById(userId);
        if (row == null) {
            throw new NotFound("operator " + userId);
        }
        return view(row.toOperator(), today());
    }

    public List<OperatorView> list() {
        String today = today();
        return operators.all().stream().map(r -> view(r.toOperator(), today)).toList();
    }

    OperatorView view(Operator o, String day) {
        Long used = grantDays.used(o.userId(), day);
        long u = used == null ? 0 : used;
        return new OperatorView(o, u, OperatorPolicy.remaining(o.dailyGrantCap(), u), day);
    }

    String today() {
        return day(clock.instant(), zone());
    }

    ZoneId zone() {
        return programs.current().zone();
    }

    static String day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().toString();
    }
}
