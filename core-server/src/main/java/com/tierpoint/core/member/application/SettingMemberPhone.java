package com.tierpoint.core.member.application;

import com.tierpoint.core.events.EventType;
import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.member.model.Phone;
import com.tierpoint.core.shared.application.IdempotentExecutor;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.RequestKey;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Sets or clears a member's mobile phone, stored normalized. Writes {@code member.phone_changed}
 * (without the number: the event stream carries no phone numbers) when it changed.
 */
@Service
public class SettingMemberPhone {

    public record Command(String memberId, String phone) {

        void validate(Validation v) {
            v.memberId(memberId, "member_id");
            v.require(
                    phone == null || phone.isEmpty() || Phone.normalize(phone).isPresent(),
                    "phone",
                    "must be a mainland China mobile number (11 digits starting with 1, optionally +86)");
        }

        String normalized() {
            return phone == null || phone.isEmpty()
                    ? null
                    : Phone.normalize(phone).orElseThrow();
        }
    }

    private final MemberWrites writes;
    private final MemberMapper members;
    private final IdempotentExecutor idempotent;
    private final Clock clock;

    SettingMemberPhone(MemberWrites writes, MemberMapper members, IdempotentExecutor idempotent, Clock clock) {
        this.writes = writes;
        this.members = members;
        this.idempotent = idempotent;
        this.clock = clock;
    }

    /** @return the member id */
    public long setPhone(RequestKey key, Command c) {
        Validation v = new Validation();
        RequestKey.validate(key.idempotencyKey(), v);
        c.validate(v);
        v.throwIfInvalid();
        String phone = c.normalized();
        return idempotent.execute(key, "SetMemberPhone", new Command(c.memberId(), phone), Long.class, () -> {
            MemberChange change = writes.begin(MemberId.of(c.memberId()), clock.instant());
            if (!Objects.equals(change.member().phone, phone)) {
                members.setPhone(change.memberId(), phone);
                change.member().phone = phone;
                change.emit(EventType.PHONE_CHANGED, Map.of("has_phone", phone != null));
                writes.commit(change);
            }
            return change.memberId();
        });
    }
}
