package io.commerce.messaging.sandbox;

import io.commerce.messaging.templates.TemplateCatalogue;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the Cloud API's {@code POST /{version}/{phone-number-id}/messages}, active while no
 * {@code WHATSAPP_ACCESS_TOKEN} is set. It answers like Meta (a {@code wamid}, {@code message_status:
 * accepted} for templates, Meta's error envelope) and then posts signed status webhooks back: sent,
 * delivered, read; or, for numbers ending in the undeliverable suffix, failed with 131026.
 */
@Hidden
@RestController
@Conditional(SandboxMode.WhatsApp.class)
class WhatsAppSandbox {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppSandbox.class);

    private final SandboxCallbacks callbacks;
    private final SandboxProperties properties;
    private final TemplateCatalogue templates;
    private final Clock clock;

    WhatsAppSandbox(
            SandboxCallbacks callbacks, SandboxProperties properties, TemplateCatalogue templates, Clock clock) {
        this.templates = templates;
        this.callbacks = callbacks;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/sandbox/whatsapp/{version}/{phoneNumberId}/messages")
    ResponseEntity<Map<String, Object>> messages(
            @PathVariable String version,
            @PathVariable String phoneNumberId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletRequest request,
            @RequestBody JsonNode body) {
        if (!LocalCaller.isLocal(request) || !"Bearer sandbox".equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
        }
        if ("read".equals(body.path("status").asString(null))) {
            return ResponseEntity.ok(Map.of("success", true));
        }
        var to = body.path("to").asString(null);
        var type = body.path("type").asString(null);
        if (to == null
                || type == null
                || !"whatsapp".equals(body.path("messaging_product").asString(null))) {
            return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter");
        }
        var waId = to.replaceAll("\\D", "");
        var wamid = "wamid.SANDBOX" + HexFormat.of().formatHex(randomBytes());
        var ourId = body.path("biz_opaque_callback_data").asString(null);
        // as Meta does: a template is charged as its category (the catalogue's), anything else is service
        var category = "template".equals(type)
                ? templates
                        .categoryOfWhatsAppTemplate(
                                body.path("template").path("name").asString(""))
                        .map(known -> known.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse("utility")
                : "service";
        log.info("sandbox WhatsApp: accepted a {} message to {}", type, mask(to));
        var delay = properties.statusDelay();
        callbacks.whatsappLater(delay, () -> status(wamid, waId, ourId, "sent", category, null));
        if (waId.endsWith(properties.undeliverableSuffix())) {
            callbacks.whatsappLater(
                    delay.multipliedBy(2),
                    () -> status(
                            wamid,
                            waId,
                            ourId,
                            "failed",
                            null,
                            Map.of(
                                    "code",
                                    131026,
                                    "title",
                                    "Message undeliverable",
                                    "message",
                                    "Message undeliverable",
                                    "error_data",
                                    Map.of("details", "Message Undeliverable."))));
        } else {
            callbacks.whatsappLater(
                    delay.multipliedBy(2), () -> status(wamid, waId, ourId, "delivered", category, null));
            callbacks.whatsappLater(delay.multipliedBy(3), () -> status(wamid, waId, ourId, "read", null, null));
        }
        var message = new LinkedHashMap<String, Object>();
        message.put("id", wamid);
        if ("template".equals(type)) {
            message.put("message_status", "accepted");
        }
        return ResponseEntity.ok(Map.of(
                "messaging_product", "whatsapp",
                "contacts", List.of(Map.of("input", to, "wa_id", waId)),
                "messages", List.of(message)));
    }

    private Map<String, Object> status(
            String wamid, String waId, String ourId, String status, String pricingCategory, Map<String, Object> error) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("id", wamid);
        entry.put("status", status);
        entry.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
        entry.put("recipient_id", waId);
        if (ourId != null) {
            entry.put("biz_opaque_callback_data", ourId);
        }
        if (pricingCategory != null) {
            entry.put(
                    "pricing",
                    Map.of(
                            "billable",
                            !"service".equals(pricingCategory),
                            "pricing_model",
                            "PMP",
                            "type",
                            "regular",
                            "category",
                            pricingCategory));
        }
        if (error != null) {
            entry.put("errors", List.of(error));
        }
        return SandboxCallbacks.envelope("messages", Map.of("statuses", List.of(entry)));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String title) {
        return ResponseEntity.status(status)
                .body(Map.of(
                        "error",
                        Map.of(
                                "message",
                                "(#%d) %s".formatted(code, title),
                                "type",
                                "OAuthException",
                                "code",
                                code,
                                "error_data",
                                Map.of("messaging_product", "whatsapp", "details", title),
                                "fbtrace_id",
                                "sandbox")));
    }

    static byte[] randomBytes() {
        var bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    static String mask(String phone) {
        return phone.length() <= 6 ? "***" : phone.substring(0, 3) + "*****" + phone.substring(phone.length() - 3);
    }
}
