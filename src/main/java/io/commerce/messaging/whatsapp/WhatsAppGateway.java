package io.commerce.messaging.whatsapp;

import io.commerce.messaging.channel.ChannelGateway;
import io.commerce.messaging.channel.ChannelSettings;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.channel.ProviderEndpoint;
import io.commerce.messaging.channel.SendOutcome;
import io.commerce.messaging.channel.ServiceUrl;
import io.commerce.shared.Channel;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through the WhatsApp Cloud API ({@code POST /{version}/{phone-number-id}/messages}), or through the
 * built-in sandbox when no access token is configured. Failures are classified by Meta's error code.
 */
@Component
public class WhatsAppGateway implements ChannelGateway {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppGateway.class);

    private final WhatsAppProperties properties;
    private final ServiceUrl serviceUrl;
    private final JsonMapper json;
    private final RestClient client;

    WhatsAppGateway(WhatsAppProperties properties, ServiceUrl serviceUrl, JsonMapper json) {
        this.properties = properties;
        this.serviceUrl = serviceUrl;
        this.json = json;
        this.client = ProviderEndpoint.client(this.properties.requestTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public ChannelSettings settings() {
        return new ChannelSettings(
                properties.messagesPerSecond(),
                properties.pairGap(),
                properties.requestTimeout(),
                properties.marketingBlockedCountryCodes());
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        try {
            var response = post(WhatsAppPayloads.message(message));
            var id = response.path("messages").path(0).path("id").asString(null);
            if (id == null) {
                // an answer, but not the Cloud API's: whether it took the message is unknown
                return new SendOutcome.Failed(
                        "NO_MESSAGE_ID", "the Cloud API answered without a message id", FailureKind.UNKNOWN_OUTCOME);
            }
            return new SendOutcome.Accepted(id);
        } catch (RestClientResponseException e) {
            return failure(e);
        } catch (RestClientException e) {
            return ProviderEndpoint.noAnswer("Cloud API", e);
        }
    }

    /** Blue ticks for an inbound message; best effort, a failure only gets logged. */
    public void markAsRead(String providerMessageId) {
        try {
            post(WhatsAppPayloads.markAsRead(providerMessageId));
        } catch (RuntimeException e) {
            log.info("could not mark an inbound WhatsApp message as read: {}", e.getMessage());
        }
    }

    private JsonNode post(Map<String, Object> body) {
        return client.post()
                .uri(URI.create(messagesUrl())) // a plain URI: no template to expand for every message
                .header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body))
                .retrieve()
                .body(JsonNode.class);
    }

    private SendOutcome failure(RestClientResponseException e) {
        try {
            var error = json.readTree(e.getResponseBodyAsString()).path("error");
            if (error.has("code")) {
                var code = error.path("code").asInt();
                var details = error.path("error_data")
                        .path("details")
                        .asString(error.path("message").asString(""));
                var kind = WhatsAppErrors.classify(code);
                if (kind == FailureKind.CREDENTIALS) {
                    log.error("WhatsApp Cloud API refused our credentials ({}): check WHATSAPP_ACCESS_TOKEN", code);
                }
                return new SendOutcome.Failed(String.valueOf(code), details, kind);
            }
        } catch (RuntimeException unreadable) {
            // not Meta's error envelope: a proxy or an outage page
        }
        var kind = e.getStatusCode().is5xxServerError() || e.getStatusCode().value() == 429
                ? FailureKind.RETRY
                : FailureKind.FINAL;
        return new SendOutcome.Failed("HTTP_" + e.getStatusCode().value(), e.getStatusText(), kind);
    }

    private String messagesUrl() {
        var base = properties.sandbox() ? serviceUrl.baseUrl() + "/sandbox/whatsapp" : properties.apiBaseUrl();
        return "%s/%s/%s/messages".formatted(base, properties.apiVersion(), properties.phoneNumberId());
    }

    private String token() {
        return properties.sandbox() ? "sandbox" : properties.accessToken();
    }
}
