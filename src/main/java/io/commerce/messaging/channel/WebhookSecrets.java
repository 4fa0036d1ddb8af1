package io.commerce.messaging.channel;

import io.commerce.messaging.MessagingProperties;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keys webhooks are signed with: {@code WHATSAPP_APP_SECRET} and {@code SMS_AUTH_TOKEN}. In sandbox
 * mode, when unset, a random key is made at start-up and shared with the sandbox, so that even the
 * sandbox's callbacks go through signature verification. A live channel without its key refuses every
 * webhook.
 */
@Component
public class WebhookSecrets {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    private final String whatsappAppSecret;
    private final String whatsappVerifyToken;
    private final String smsAuthToken;

    WebhookSecrets(MessagingProperties properties) {
        var whatsapp = properties.whatsapp();
        var sms = properties.sms();
        this.whatsappAppSecret = orGenerated(whatsapp.appSecret(), whatsapp.sandbox(), "WHATSAPP_APP_SECRET");
        this.whatsappVerifyToken = orGenerated(whatsapp.verifyToken(), whatsapp.sandbox(), "WHATSAPP_VERIFY_TOKEN");
        this.smsAuthToken = sms.sandbox() ? orGenerated(null, true, "SMS_AUTH_TOKEN") : sms.authToken();
        log.warn(
                "\n\n  WhatsApp channel: {}\n  SMS channel:      {}\n",
                whatsapp.sandbox()
                        ? "SANDBOX (no WHATSAPP_ACCESS_TOKEN): messages go to the built-in simulator"
                        : "LIVE, Cloud API " + whatsapp.apiBaseUrl() + "/" + whatsapp.apiVersion(),
                sms.sandbox()
                        ? "SANDBOX (no SMS_ACCOUNT_SID/SMS_AUTH_TOKEN): messages go to the built-in simulator"
                        : "LIVE, " + sms.apiBaseUrl());
    }

    public String whatsappAppSecret() {
        return whatsappAppSecret;
    }

    public String whatsappVerifyToken() {
        return whatsappVerifyToken;
    }

    public String smsAuthToken() {
        return smsAuthToken;
    }

    private static String orGenerated(String configured, boolean sandbox, String name) {
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
