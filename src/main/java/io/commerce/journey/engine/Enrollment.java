package io.commerce.journey.engine;

import io.commerce.messaging.Origin;
import io.commerce.shared.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's place in one journey, for one trigger: the step to run next and when. After a step that
 * waited for an answer, {@link #reply()} holds the customer's answer, empty when the wait timed out.
 */
public record Enrollment(
        UUID id,
        String journey,
        String triggerId,
        String customerId,
        int step,
        Map<String, String> context,
        int attempts,
        Instant nextRunAt,
        UUID claimToken) {

    public static final String REPLY = "reply";
    public static final String REPLY_TEXT = "replyText";
    static final String REPLY_CHANNEL = "replyChannel";

    /** The customer's answer to the message this enrollment waited for: a button or row id, else the words. */
    public Optional<String> reply() {
        var payload = context.get(REPLY);
        return Optional.ofNullable(payload != null ? payload : context.get(REPLY_TEXT));
    }

    /** The channel the answer came on (an answer is best followed up where it was given). */
    public Optional<Channel> replyChannel() {
        return Optional.ofNullable(context.get(REPLY_CHANNEL)).map(Channel::valueOf);
    }

    /** Where this step's messages come from: the journey and step, and this enrollment. */
    public Origin origin() {
        return new Origin(journey + "/" + step, id.toString());
    }

    public String get(String key) {
        return context.get(key);
    }
}
