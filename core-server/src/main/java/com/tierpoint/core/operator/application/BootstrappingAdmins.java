package com.tierpoint.core.operator.application;

import com.tierpoint.core.operator.infrastructure.OperatorMapper;
import com.tierpoint.core.operator.infrastructure.OperatorRow;
import com.tierpoint.core.operator.model.AuditResult;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup, makes every userid of {@code tierpoint.operators.bootstrap-admins} an active ADMIN
 * (created with the default cap when new), each under its row lock and audited as
 * {@code operator.bootstrap} by actor {@code bootstrap}. Idempotent: an operator already an active
 * admin is left alone, so restarts and several instances change nothing twice.
 */
@Component
@EnableConfigurationProperties(OperatorsProperties.class)
public class BootstrappingAdmins implements ApplicationRunner {

    public static final String ACTOR = "bootstrap";
    static final String ACTION = "operator.bootstrap";
    private static final Logger log = LoggerFactory.getLogger(BootstrappingAdmins.class);

    private final OperatorMapper operators;
    private final Auditing auditing;
    private final OperatorsProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    BootstrappingAdmins(
            OperatorMapper operators,
            Auditing auditing,
            OperatorsProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.operators = operators;
        this.auditing = auditing;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap();
    }

    /** @return how many operators were created or promoted */
    public int bootstrap() {
        int changed = 0;
        for (String userId : properties.bootstrapAdmins()) {
            Validation v = new Validation();
            OperatorIds.validate(userId, "tierpoint.operators.bootstrap-admins", v);
            v.throwIfInvalid();
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> ensureAdmin(userId)))) {
                    changed++;
                    log.info("operator {} is an admin (tierpoint.operators.bootstrap-admins)", userId);
                }
            } catch (DuplicateKeyException createdElsewhere) {
                // another instance created it at the same moment: it is an admin now
            }
        }
        return changed;
    }

    private boolean ensureAdmin(String userId) {
        Instant now = clock.instant();
        OperatorRow row = operators.lock(userId);
        if (row != null && row.toOperator().isActiveAdmin()) {
            return false;
        }
        String detail;
        if (row == null) {
            row = new OperatorRow();
            row.userId = userId;
            row.name = "";
            row.role = "ADMIN";
            row.active = true;
            row.dailyGrantCap = properties.defaultDailyGrantCap();
            row.createdAt = now.toEpochMilli();
            row.updatedAt = now.toEpochMilli();
            operators.create(row);
            detail = "created user_id=" + userId + " role=ADMIN daily_grant_cap=" + row.dailyGrantCap;
        } else {
            detail = "promoted user_id=" + userId + " from role=" + row.role + " active=" + row.active;
            row.role = "ADMIN";
            row.active = true;
            row.updatedAt = now.toEpochMilli();
            operators.replace(row);
        }
        auditing.append(new Auditing.Entry(ACTOR, ACTION, null, 0, "", AuditResult.OK, "", detail), now);
        return true;
    }
}
