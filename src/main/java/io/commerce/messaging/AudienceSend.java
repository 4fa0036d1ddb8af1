package io.commerce.messaging;

import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Audience;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One template message to every customer of an {@link Audience}, on one channel: what {@link
 * MessagingService#queueForAudience} writes to the outbox. {@code params} are the template's parameters
 * except {@code firstName}, which is filled per customer; {@code origin} tags every message (a campaign),
 * {@code variant} its A/B variant; {@code heldOut} records them as a control group instead of sending them;
 * {@code notBefore}, when given, is when they may go at the earliest (a campaign's early access).
 */
public record AudienceSend(
        Purpose purpose,
        Channel channel,
        String templateKey,
        Map<String, String> params,
        Origin origin,
        @Nullable String variant,
        boolean heldOut,
        @Nullable Instant notBefore) {

    /** Held out: a control group's messages, recorded as cancelled ({@code CONTROL_GROUP}) and never sent. */
    public static final String CONTROL_GROUP = "CONTROL_GROUP";

    public AudienceSend(
            Purpose purpose, Channel channel, String templateKey, Map<String, String> params, Origin origin) {
        this(purpose, channel, templateKey, params, origin, null, false, null);
    }

    public AudienceSend(
            Purpose purpose,
            Channel channel,
            String templateKey,
            Map<String, String> params,
            Origin origin,
            @Nullable String variant,
            boolean heldOut) {
        this(purpose, channel, templateKey, params, origin, variant, heldOut, null);
    }

    public AudienceSend {
        var given = new HashMap<String, String>(params == null ? Map.of() : params);
        given.remove(TemplateCatalogue.FIRST_NAME); // always the customer's own
        params = Map.copyOf(given);
    }
}
