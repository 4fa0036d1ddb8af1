package io.commerce.messaging.whatsapp;

import io.commerce.messaging.channel.WebhookKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp webhook's keys: {@code WHATSAPP_APP_SECRET} (signatures) and {@code WHATSAPP_VERIFY_TOKEN}
 * (the handshake), generated at start-up in sandbox mode when unset. Says at start-up whether the channel
 * is live or on the sandbox.
 */
@Component
public class WhatsAppSecrets {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSecrets.class);

    private final String appSecret;
    private final String verifyToken;

    WhatsAppSecrets(WhatsAppProperties properties) {
        this.appSecret = WebhookKeys.orGenerated(properties.appSecret(), properties.sandbox(), "WHATSAPP_APP_SECRET");
        this.verifyToken =
                WebhookKeys.orGenerated(properties.verifyToken(), properties.sandbox(), "WHATSAPP_VERIFY_TOKEN");
        log.warn(
                "\n\n  WhatsApp channel: {}\n",
                properties.sandbox()
                        ? "SANDBOX (no WHATSAPP_ACCESS_TOKEN): messages go to the built-in simulator"
                        : "LIVE, Cloud API " + properties.apiBaseUrl() + "/" + properties.apiVersion());
    }

    public String appSecret() {
        return appSecret;
    }

    public String verifyToken() {
        return verifyToken;
    }
}
