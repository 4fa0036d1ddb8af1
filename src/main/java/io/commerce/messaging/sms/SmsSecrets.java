package io.commerce.messaging.sms;

import io.commerce.messaging.channel.WebhookKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS callbacks' key, {@code SMS_AUTH_TOKEN} (also the API credential), generated at start-up in
 * sandbox mode. Says at start-up whether the channel is live or on the sandbox.
 */
@Component
public class SmsSecrets {

    private static final Logger log = LoggerFactory.getLogger(SmsSecrets.class);

    private final String authToken;

    SmsSecrets(SmsProperties properties) {
        this.authToken =
                properties.sandbox() ? WebhookKeys.orGenerated(null, true, "SMS_AUTH_TOKEN") : properties.authToken();
        log.warn(
                "\n\n  SMS channel:      {}\n",
                properties.sandbox()
                        ? "SANDBOX (no SMS_ACCOUNT_SID/SMS_AUTH_TOKEN): messages go to the built-in simulator"
                        : "LIVE, " + properties.apiBaseUrl());
    }

    public String authToken() {
        return authToken;
    }
}
