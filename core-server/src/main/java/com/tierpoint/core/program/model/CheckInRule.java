package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.util.List;

/** Daily check-in rewards. */
public record CheckInRule() {

    public static CheckInRule none() {
        return new CheckInRule();
    }

    /** Adds this rule's violations, named under {@code path} (e.g. "program.check_in."). */
    public void check(String path, List<FieldViolation> out) {}
}
