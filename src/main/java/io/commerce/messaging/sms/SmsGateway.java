package io.commerce.messaging.sms;

import io.commerce.messaging.channel.ChannelGateway;
import io.commerce.messaging.channel.ChannelSettings;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.channel.ProviderEndpoint;
import io.commerce.messaging.channel.SendOutcome;
import io.commerce.messaging.channel.ServiceUrl;
import io.commerce.shared.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SMS through a Twilio-compatible API: a form POST to {@code /2010-04-01/Accounts/{sid}/Messages.json}
 * with basic auth and a {@code StatusCallback} that carries our message id. Without credentials it talks
 * to the built-in sandbox.
 */
@Component
public class SmsGateway implements ChannelGateway {

    private final SmsProperties properties;
    private final ServiceUrl serviceUrl;
    private final SmsSecrets secrets;
    private final JsonMapper json;
    private final RestClient client;

    SmsGateway(SmsProperties properties, ServiceUrl serviceUrl, SmsSecrets secrets, JsonMapper json) {
        this.properties = properties;
        this.serviceUrl = serviceUrl;
        this.secrets = secrets;
        this.json = json;
        this.client = ProviderEndpoint.client(this.properties.requestTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** SMS has no per-recipient gap and no country where marketing is blocked. */
    @Override
    public ChannelSettings settings() {
        return new ChannelSettings(
                properties.messagesPerSecond(), Duration.ZERO, properties.requestTimeout(), List.of());
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("To", message.to());
        form.add("From", properties.from());
        form.add("Body", message.smsText());
        form.add("StatusCallback", webhookBaseUrl() + "/webhooks/sms/status?messageId=" + message.id());
        try {
            var response = client.post()
                    .uri("%s/2010-04-01/Accounts/%s/Messages.json".formatted(apiBaseUrl(), accountSid()))
                    .header("Authorization", basicAuth())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            var sid = response == null ? null : response.path("sid").asString(null);
            return sid == null
                    ? new SendOutcome.Failed(
                            "NO_MESSAGE_SID", "the SMS API answered without a sid", FailureKind.UNKNOWN_OUTCOME)
                    : new SendOutcome.Accepted(sid);
        } catch (RestClientResponseException e) {
            return failure(e);
        } catch (RestClientException e) {
            return ProviderEndpoint.noAnswer("SMS API", e);
        }
    }

    /** Where Twilio posts status callbacks: {@code SMS_WEBHOOK_BASE_URL}, else this machine. */
    public String webhookBaseUrl() {
        var configured = properties.webhookBaseUrl();
        return configured == null || configured.isBlank() ? serviceUrl.baseUrl() : configured.replaceAll("/+$", "");
    }

    private SendOutcome failure(RestClientResponseException e) {
        var status = e.getStatusCode().value();
        var code = 0;
        var message = e.getStatusText();
        try {
            var body = json.readTree(e.getResponseBodyAsString());
            code = body.path("code").asInt(0);
            message = body.path("message").asString(message);
        } catch (RuntimeException unreadable) {
            // not a Twilio error body
        }
        FailureKind kind;
        if (status == 429 || status >= 500 || code == 20429) {
            kind = FailureKind.RETRY;
        } else if (code == 21610) {
            kind = FailureKind.OPTED_OUT;
        } else if (status == 401 || code == 20003) {
            kind = FailureKind.CREDENTIALS;
        } else {
            kind = FailureKind.FINAL;
        }
        return new SendOutcome.Failed(code == 0 ? "HTTP_" + status : String.valueOf(code), message, kind);
    }

    private String apiBaseUrl() {
        return properties.sandbox() ? serviceUrl.baseUrl() + "/sandbox/sms" : properties.apiBaseUrl();
    }

    private String accountSid() {
        return properties.sandbox() ? "ACsandbox" : properties.accountSid();
    }

    private String basicAuth() {
        var credentials = accountSid() + ":" + secrets.authToken();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
