package io.commerce.messaging.sms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS channel's settings ({@code commerce.messaging.sms.*}), fed by the contract's {@code SMS_*}
 * environment variables through {@code application.yml}.
 *
 * @param apiBaseUrl Twilio-compatible API root ({@code SMS_API_BASE_URL})
 * @param accountSid account ({@code SMS_ACCOUNT_SID}); empty: the built-in sandbox
 * @param authToken credential and callback signature key ({@code SMS_AUTH_TOKEN})
 * @param from sender number or id ({@code SMS_FROM})
 * @param webhookBaseUrl public base URL of this service for callbacks ({@code SMS_WEBHOOK_BASE_URL})
 * @param messagesPerSecond the sender's throughput, 1 to 1,000
 * @param requestTimeout connect and read timeout of an SMS API call
 */
@Validated
@ConfigurationProperties("commerce.messaging.sms")
public record SmsProperties(
        @NotBlank @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        String accountSid,
        String authToken,
        @DefaultValue("Acme") String from,
        String webhookBaseUrl,
        @Min(1) @Max(1000) @DefaultValue("10") int messagesPerSecond,
        @NotNull @DefaultValue("PT10S") Duration requestTimeout) {

    /** No account or token: messages go to the built-in simulator. */
    public boolean sandbox() {
        return accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank();
    }
}
