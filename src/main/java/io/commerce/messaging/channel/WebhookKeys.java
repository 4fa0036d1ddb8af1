package io.commerce.messaging.channel;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook key as configured, or in sandbox mode, when unset, a random one made at start-up (shared with
 * the sandbox, so that even its callbacks go through signature verification). A live channel without its
 * key refuses every webhook.
 */
public final class WebhookKeys {

    private static final Logger log = LoggerFactory.getLogger(WebhookKeys.class);

    private WebhookKeys() {}

    /** {@code configured} when set; otherwise a random key in sandbox mode, or null (with a warning) when live. */
    public static String orGenerated(String configured, boolean sandbox, String name) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!sandbox) {
            log.warn("{} is not set: webhooks that need it are refused", name);
            return null;
        }
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
