package com.tierpoint.core.program.model;

import com.tierpoint.core.shared.model.FieldViolation;
import java.util.List;

/** Invitation rewards and their anti-fraud limits. */
public record InviteRule() {

    public static InviteRule none() {
        return new InviteRule();
    }

    /** Adds this rule's violations, named under {@code path} (e.g. "program.invites."). */
    public void check(String path, List<FieldViolation> out) {}
}
