package io.commerce.messaging.sandbox;

import io.commerce.messaging.MessageView;
import io.commerce.messaging.MessagingService;
import io.commerce.messaging.sms.SmsGateway;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.PhoneNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plays the customer in sandbox mode: {@code POST /api/v1/sandbox/customers/{phone}/whatsapp} sends a text
 * or taps a button (of the message {@code replyTo}) as that number; {@code .../sms} texts from it. Each
 * becomes a signed webhook to the service's own endpoints, exactly as Meta or Twilio would post it.
 */
@RestController
@Conditional(SandboxMode.Any.class)
class CustomerSimulator {

    /**
     * What the customer does: write {@code text}, tap the button {@code buttonId} of {@code replyTo}, or send a
     * file ({@code media}: {@code image}, a small PNG, or {@code pdf}, a one-page receipt) with {@code text} as
     * its caption.
     */
    record CustomerAction(
            @Size(max = 4096) String text,
            @Size(max = 256) String buttonId,
            @Size(max = 64) String replyTo,
            @Pattern(regexp = "image|pdf") String media) {}

    /** The id the simulated provider gave the customer's message. */
    record Simulated(String providerMessageId) {}

    private final SandboxCallbacks callbacks;
    private final MessagingService messaging;
    private final SmsGateway sms;
    private final Clock clock;
    private final ObjectProvider<SandboxMediaStore> media;

    CustomerSimulator(
            SandboxCallbacks callbacks,
            MessagingService messaging,
            SmsGateway sms,
            Clock clock,
            ObjectProvider<SandboxMediaStore> media) {
        this.callbacks = callbacks;
        this.messaging = messaging;
        this.sms = sms;
        this.clock = clock;
        this.media = media;
    }

    @PostMapping("/api/v1/sandbox/customers/{phone}/whatsapp")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Simulated simulateWhatsAppMessage(@PathVariable String phone, @Valid @RequestBody CustomerAction action) {
        var e164 = PhoneNumber.parse(phone, null).e164();
        var waId = e164.substring(1);
        var id = "wamid.SANDBOXIN" + HexFormat.of().formatHex(WhatsAppSandbox.randomBytes());
        var message = new LinkedHashMap<String, Object>();
        var original = action.replyTo() == null ? null : messaging.get(action.replyTo());
        if (original != null && original.providerMessageId() != null) {
            message.put("context", Map.of("from", "15550000000", "id", original.providerMessageId()));
        }
        message.put("from", waId);
        message.put("id", id);
        message.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        if (action.buttonId() != null) {
            tap(message, action, original);
        } else if (action.media() != null) {
            file(message, action);
        } else {
            message.put("type", "text");
            message.put("text", Map.of("body", action.text() == null ? "" : action.text()));
        }
        callbacks.whatsapp(SandboxCallbacks.envelope(
                "messages",
                Map.of(
                        "contacts", List.of(Map.of("profile", Map.of("name", "Sandbox customer"), "wa_id", waId)),
                        "messages", List.of(message))));
        return new Simulated(id);
    }

    @PostMapping("/api/v1/sandbox/customers/{phone}/sms")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Simulated simulateSms(@PathVariable String phone, @RequestBody CustomerAction action) {
        var e164 = PhoneNumber.parse(phone, null).e164();
        var sid = "SM" + HexFormat.of().formatHex(WhatsAppSandbox.randomBytes()) + "0123abcd";
        var params = new LinkedHashMap<String, String>();
        params.put("MessageSid", sid);
        params.put("AccountSid", "ACsandbox");
        params.put("From", e164);
        params.put("To", "sandbox");
        params.put("Body", action.text() == null ? "" : action.text());
        params.put("NumMedia", "0");
        callbacks.sms(sms.webhookBaseUrl() + "/webhooks/sms/inbound", params);
        return new Simulated(sid);
    }

    /** An image or a PDF, put in the simulated Cloud API's media store first, as Meta keeps what customers send. */
    private void file(Map<String, Object> message, CustomerAction action) {
        var store = media.getIfAvailable();
        if (store == null) {
            throw new InvalidValueException("media", "the WhatsApp channel is live: its sandbox has no media");
        }
        var pdf = action.media().equals("pdf");
        var file = pdf
                ? store.put(SandboxMediaStore.samplePdf(), "application/pdf", "receipt.pdf")
                : store.put(SandboxMediaStore.samplePng(), "image/png", null);
        var type = pdf ? "document" : "image";
        var body = new LinkedHashMap<String, Object>();
        body.put("mime_type", file.mimeType());
        body.put("sha256", file.sha256());
        body.put("id", file.id());
        if (pdf) {
            body.put("filename", file.filename());
        }
        if (action.text() != null) {
            body.put("caption", action.text());
        }
        message.put("type", type);
        message.put(type, body);
    }

    /** A tap on a template quick reply is a {@code button} message; on reply buttons or a list, {@code interactive}. */
    private static void tap(Map<String, Object> message, CustomerAction action, MessageView original) {
        var title = action.text() == null ? action.buttonId() : action.text();
        if (original != null && original.templateKey() != null) {
            message.put("type", "button");
            message.put("button", Map.of("payload", action.buttonId(), "text", title));
        } else {
            message.put("type", "interactive");
            message.put(
                    "interactive",
                    Map.of("type", "button_reply", "button_reply", Map.of("id", action.buttonId(), "title", title)));
        }
    }
}
