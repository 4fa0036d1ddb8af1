package io.commerce.messaging.sandbox;

import io.commerce.messaging.channel.ProviderEndpoint;
import io.commerce.messaging.channel.ServiceUrl;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.sms.SmsSecrets;
import io.commerce.messaging.whatsapp.WhatsAppSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's way back into the service: it posts webhooks to the service's own endpoints, signed exactly
 * as Meta and Twilio sign them, now or after a delay.
 */
@Component
@Conditional(SandboxMode.Any.class)
class SandboxCallbacks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxCallbacks.class);

    private final ServiceUrl serviceUrl;
    private final WhatsAppSecrets whatsappSecrets;
    private final SmsSecrets smsSecrets;
    private final JsonMapper json;
    private final RestClient client =
            ProviderEndpoint.client(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-callbacks").daemon().factory());

    SandboxCallbacks(ServiceUrl serviceUrl, WhatsAppSecrets whatsappSecrets, SmsSecrets smsSecrets, JsonMapper json) {
        this.serviceUrl = serviceUrl;
        this.whatsappSecrets = whatsappSecrets;
        this.smsSecrets = smsSecrets;
        this.json = json;
    }

    /** Builds the payload when it is due (so its timestamp is the posting time) and posts it. */
    void whatsappLater(Duration delay, Supplier<Map<String, Object>> payload) {
        timer.schedule(() -> whatsapp(payload.get()), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts a Cloud API webhook to {@code /webhooks/whatsapp}, signed with the app secret. */
    void whatsapp(Map<String, Object> payload) {
        var body = json.writeValueAsBytes(payload);
        try {
            client.post()
                    .uri(serviceUrl.baseUrl() + "/webhooks/whatsapp")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("X-Hub-Signature-256", Signatures.hubSignature(whatsappSecrets.appSecret(), body))
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("sandbox could not deliver a WhatsApp webhook: {}", e.getMessage());
        }
    }

    void smsLater(Duration delay, String url, Map<String, String> params) {
        timer.schedule(() -> sms(url, params), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Posts a Twilio-style form callback to {@code url}, signed with the auth token. */
    void sms(String url, Map<String, String> params) {
        var form = new LinkedMultiValueMap<String, String>();
        params.forEach(form::add);
        try {
            client.post()
                    .uri(url)
                    .contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8))
                    .header("X-Twilio-Signature", Signatures.twilioSignature(smsSecrets.authToken(), url, params))
                    .body(form)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            log.warn("sandbox could not deliver an SMS callback: {}", e.getMessage());
        }
    }

    /** The envelope every Cloud API webhook has, around one {@code value}. */
    static Map<String, Object> envelope(String field, Map<String, Object> value) {
        var full = new LinkedHashMap<String, Object>();
        full.put("messaging_product", "whatsapp");
        full.put("metadata", Map.of("display_phone_number", "15550000000", "phone_number_id", "sandbox-number"));
        full.putAll(value);
        return Map.of(
                "object",
                "whatsapp_business_account",
                "entry",
                List.of(Map.of("id", "sandbox-waba", "changes", List.of(Map.of("field", field, "value", full)))));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
