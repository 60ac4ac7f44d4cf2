package com.tierpoint.gateway.reminder;

import com.tierpoint.gateway.api.ApiException;
import com.tierpoint.gateway.session.MemberSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the member agreed to receive. The mini-program asks with {@code wx.requestSubscribeMessage}
 * for the template ids {@code GET} lists and posts the answer here; every "accept" is one message
 * of that template the gateway may send later.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Validated
@Tag(name = "subscriptions", description = "subscription-message (订阅消息) quotas for reminders")
class SubscriptionController {

    private static final Set<String> ANSWERS = Set.of("accept", "reject", "ban", "filter");

    private final ReminderProperties props;
    private final SubscriptionQuotas quotas;

    SubscriptionController(ReminderProperties props, SubscriptionQuotas quotas) {
        this.props = props;
        this.quotas = quotas;
    }

    /** @param results what {@code wx.requestSubscribeMessage} answered: template id -> accept, reject, ban or filter */
    record SubscribeRequest(@NotEmpty @Size(max = 20) Map<String, String> results) {}

    /** A configured template and how many messages of it the member can still receive. */
    record TemplateQuota(String templateId, String eventType, String title, long remaining) {}

    record Subscriptions(List<TemplateQuota> templates) {}

    @GetMapping
    @Operation(
            summary =
                    "The reminder templates to request with wx.requestSubscribeMessage, and the member's quota of each")
    Subscriptions list(MemberSession session) {
        return answer(session.memberId());
    }

    @PostMapping
    @Operation(
            summary =
                    "Record what wx.requestSubscribeMessage answered: each accept is one message the member may receive")
    Subscriptions subscribe(MemberSession session, @RequestBody @Valid SubscribeRequest request) {
        Set<String> known = new java.util.HashSet<>();
        props.templates().values().forEach(t -> known.add(t.templateId()));
        request.results().forEach((templateId, answer) -> {
            String field = "results." + templateId;
            if (!known.contains(templateId)) {
                throw ApiException.badRequest(field, "is not a configured template id");
            }
            if (answer == null || !ANSWERS.contains(answer)) {
                throw ApiException.badRequest(field, "must be accept, reject, ban or filter");
            }
        });
        request.results().forEach((templateId, answer) -> {
            if (answer.equals("accept")) {
                quotas.grant(session.memberId(), templateId, 1);
            }
        });
        return answer(session.memberId());
    }

    private Subscriptions answer(String memberId) {
        Map<String, Long> remaining = quotas.remaining(memberId);
        List<TemplateQuota> out = new ArrayList<>();
        props.templates()
                .forEach((type, t) -> out.add(new TemplateQuota(
                        t.templateId(), type, t.title(), remaining.getOrDefault(t.templateId(), 0L))));
        return new Subscriptions(out);
    }
}
