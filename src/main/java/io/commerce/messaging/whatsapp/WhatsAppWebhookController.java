package io.commerce.messaging.whatsapp;

import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.channel.InvalidSignatureException;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.channel.WebhookHandler;
import io.commerce.shared.Channel;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /webhooks/whatsapp}: Meta's verification handshake, and deliveries verified by {@code
 * X-Hub-Signature-256} over the raw body, stored, processed and answered 200, whatever they contain.
 */
@RestController
class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);
    private static final String SIGNATURE = "X-Hub-Signature-256";

    private final WhatsAppSecrets secrets;
    private final WebhookHandler core;
    private final JsonMapper json;
    private final Clock clock;

    WhatsAppWebhookController(WhatsAppSecrets secrets, WebhookHandler core, JsonMapper json, Clock clock) {
        this.secrets = secrets;
        this.core = core;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/webhooks/whatsapp")
    @ApiResponse(
            responseCode = "200",
            description = "The challenge, when the token is WHATSAPP_VERIFY_TOKEN",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Not a subscribe request, or the wrong token", content = @Content)
    ResponseEntity<String> verifyWhatsAppWebhook(
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        var expected = secrets.verifyToken();
        if ("subscribe".equals(mode) && challenge != null && expected != null && expected.equals(token)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    /**
     * Takes the servlet request itself (its body and signature header read here) and answers with a bare
     * status: the same contract as {@code @RequestBody byte[]} and a {@code ResponseEntity}, without Spring
     * MVC's body conversion and response-entity handling, which were a fifth of a delivery's request thread
     * (docs/benchmarks.md, issue 11). The OpenAPI description is declared on the method.
     */
    @PostMapping("/webhooks/whatsapp")
    @ResponseStatus(HttpStatus.OK)
    @ApiResponse(responseCode = "200", description = "Stored and processed, whatever the payload holds")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "A Cloud API webhook delivery, verified over its raw bytes",
            required = true,
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @Parameter(
            name = SIGNATURE,
            in = ParameterIn.HEADER,
            required = true,
            description = "sha256=<hex HMAC-SHA256 of the raw body, keyed with WHATSAPP_APP_SECRET>",
            schema = @Schema(type = "string"))
    void receiveWhatsAppWebhook(@Parameter(hidden = true) HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        requireReadableContentType(request);
        var raw = request.getInputStream().readAllBytes();
        if (!Signatures.hubSignatureMatches(secrets.appSecret(), raw, request.getHeader(SIGNATURE))) {
            core.rejected("whatsapp");
            throw new InvalidSignatureException(SIGNATURE);
        }
        core.take("whatsapp", raw, read(raw));
    }

    /** A Content-Type that cannot be parsed (an unknown charset) is a 415, as Spring MVC's body reading answered. */
    private static void requireReadableContentType(HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (request.getContentType() != null) {
            try {
                MediaType.parseMediaType(request.getContentType());
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotSupportedException(e.getMessage());
            }
        }
    }

    /**
     * Reads the body here, on the request's own thread, into what processing will do once the intake's writer
     * takes it (in a transaction others wait for). A body that cannot be read fails its processing, and is kept
     * with its error like any other.
     */
    private Runnable read(byte[] raw) {
        try {
            var effects = new ArrayList<Runnable>();
            WhatsAppWebhookReader.read(
                    json.readTree(raw),
                    status -> effects.add(() -> status(status)),
                    message -> effects.add(() -> message(message)),
                    preference -> effects.add(() -> preference(preference)),
                    error -> effects.add(() -> accountError(error)));
            return () -> effects.forEach(Runnable::run);
        } catch (RuntimeException unreadable) {
            return () -> {
                throw unreadable;
            };
        }
    }

    private void status(WhatsAppWebhookReader.Status status) {
        var mapped = switch (status.status().toLowerCase(Locale.ROOT)) {
            case "sent" -> MessageStatus.SENT;
            case "delivered" -> MessageStatus.DELIVERED;
            case "read" -> MessageStatus.READ;
            case "failed" -> MessageStatus.FAILED;
            default -> null; // "played" and future statuses add nothing to track
        };
        if (mapped == null || status.wamid() == null) {
            return;
        }
        var code = status.errorCode();
        core.status(new StatusReport(
                status.wamid(),
                status.ourId(),
                mapped,
                orNow(status.at()),
                code == null ? null : String.valueOf(code),
                status.errorTitle(),
                code == null ? FailureKind.FINAL : WhatsAppErrors.classify(code),
                status.pricingCategory()));
    }

    private void message(WhatsAppWebhookReader.Message message) {
        if (message.wamid() == null) {
            return;
        }
        core.message(new InboundMessage(
                Channel.WHATSAPP,
                message.wamid(),
                message.phone(),
                message.type(),
                message.text(),
                message.replyPayload(),
                message.contextId(),
                message.raw(),
                orNow(message.at()),
                message.mediaId(),
                message.mimeType(),
                message.filename(),
                message.sha256()));
    }

    private void preference(WhatsAppWebhookReader.Preference preference) {
        if (preference.phone() != null) {
            core.preference(Channel.WHATSAPP, preference.phone(), preference.stop(), preference.detail());
        }
    }

    /** Not about one message (those come as failed statuses): for ops, a log line and {@code messaging.provider.errors}. */
    private void accountError(WhatsAppWebhookReader.AccountError error) {
        log.warn(
                "WhatsApp reported an error for the account: {} {} ({})", error.code(), error.title(), error.details());
        core.accountError("whatsapp", String.valueOf(error.code()));
    }

    private Instant orNow(Instant at) {
        return at == null ? clock.instant() : at;
    }
}
