package io.commerce.messaging;

import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import java.util.HashMap;
import java.util.Map;

/**
 * One template message to every customer of an {@link Audience}, on one channel: what {@link
 * MessagingService#queueForAudience} writes to the outbox. {@code params} are the template's parameters
 * except {@code firstName}, which is filled per customer; {@code origin} tags every message (a campaign).
 */
public record AudienceSend(
        Purpose purpose, Channel channel, String templateKey, Map<String, String> params, Origin origin) {

    public AudienceSend {
        var given = new HashMap<String, String>(params == null ? Map.of() : params);
        given.remove(TemplateCatalogue.FIRST_NAME); // always the customer's own
        params = Map.copyOf(given);
    }
}
