package io.commerce.messaging.whatsapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp channel's settings ({@code commerce.messaging.whatsapp.*}), fed by the contract's {@code
 * WHATSAPP_*} environment variables through {@code application.yml}.
 *
 * @param apiBaseUrl Graph API root ({@code WHATSAPP_API_BASE_URL})
 * @param apiVersion Graph API version ({@code WHATSAPP_API_VERSION})
 * @param phoneNumberId the sending number's id ({@code WHATSAPP_PHONE_NUMBER_ID})
 * @param accessToken system-user token; empty: the built-in sandbox ({@code WHATSAPP_ACCESS_TOKEN})
 * @param appSecret webhook signature key ({@code WHATSAPP_APP_SECRET}); generated in sandbox mode
 * @param verifyToken webhook handshake token ({@code WHATSAPP_VERIFY_TOKEN})
 * @param messagesPerSecond the number's throughput ({@code WHATSAPP_MESSAGES_PER_SECOND}), 1 to 1,000
 * @param pairGap the least time between two messages to one recipient (Meta: 1 per 6 s)
 * @param marketingBlockedCountryCodes calling codes Meta does not deliver marketing templates to
 * @param requestTimeout connect and read timeout of a Cloud API call
 * @param markInboundRead mark each message a customer sends as read (blue ticks) once it is processed
 */
@Validated
@ConfigurationProperties("commerce.messaging.whatsapp")
public record WhatsAppProperties(
        @NotBlank @DefaultValue("https://graph.facebook.com")
        String apiBaseUrl,

        @NotBlank @DefaultValue("v24.0") String apiVersion,
        @DefaultValue("sandbox-number") String phoneNumberId,
        String accessToken,
        String appSecret,
        String verifyToken,
        @Min(1) @Max(1000) @DefaultValue("80") int messagesPerSecond,
        @NotNull @DefaultValue("PT6S") Duration pairGap,
        @NotNull @DefaultValue("+1") List<String> marketingBlockedCountryCodes,
        @NotNull @DefaultValue("PT10S") Duration requestTimeout,
        @DefaultValue("true") boolean markInboundRead) {

    /** No access token: messages go to the built-in simulator. */
    public boolean sandbox() {
        return accessToken == null || accessToken.isBlank();
    }
}
