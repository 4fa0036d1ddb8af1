package io.commerce.messaging.sms;

import io.commerce.messaging.MessageStatus;
import io.commerce.messaging.channel.FailureKind;
import io.commerce.messaging.channel.InboundMessage;
import io.commerce.messaging.channel.InvalidSignatureException;
import io.commerce.messaging.channel.Signatures;
import io.commerce.messaging.channel.StatusReport;
import io.commerce.messaging.channel.WebhookHandler;
import io.commerce.shared.Channel;
import io.commerce.shared.InvalidPhoneNumberException;
import io.commerce.shared.PhoneNumber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio-compatible callbacks: {@code /webhooks/sms/status} (delivery reports for our messages, found by
 * the id our status-callback URL carries) and {@code /webhooks/sms/inbound} (customers' texts). Both are
 * verified by {@code X-Twilio-Signature} over the public URL ({@code SMS_WEBHOOK_BASE_URL} behind a proxy)
 * and the POST parameters.
 */
@RestController
class SmsWebhookController {

    private static final String SIGNATURE = "X-Twilio-Signature";
    private static final String SIGNATURE_DESCRIPTION =
            "Base64 HMAC-SHA1, keyed with SMS_AUTH_TOKEN, of the public URL followed by each POST parameter's name"
                    + " and value, sorted by name";
    private static final String PARAMETERS_DESCRIPTION =
            "Twilio's callback parameters (all of them count for the signature)";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final SmsSecrets secrets;
    private final WebhookHandler core;
    private final SmsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SmsWebhookController(
            SmsSecrets secrets, WebhookHandler core, SmsProperties properties, JsonMapper json, Clock clock) {
        this.secrets = secrets;
        this.core = core;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/webhooks/sms/status")
    @Operation(
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = PARAMETERS_DESCRIPTION,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(type = "object"),
                                            schemaProperties = {
                                                @SchemaProperty(name = "MessageSid", schema = @Schema(type = "string")),
                                                @SchemaProperty(
                                                        name = "MessageStatus",
                                                        schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "ErrorCode", schema = @Schema(type = "string"))
                                            })))
    @Parameter(
            in = ParameterIn.HEADER,
            name = SIGNATURE,
            required = true,
            description = SIGNATURE_DESCRIPTION,
            schema = @Schema(type = "string"))
    @Parameter(
            in = ParameterIn.QUERY,
            name = "messageId",
            description = "Our message id, which the StatusCallback URL we gave Twilio carries",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "Taken (a status of a message we do not know is ignored)")
    ResponseEntity<Void> receiveSmsStatus(HttpServletRequest request) {
        var params = verified(request);
        core.take("sms", json.writeValueAsBytes(params), () -> {
            var mapped = switch (params.getOrDefault("MessageStatus", "").toLowerCase(Locale.ROOT)) {
                case "sent" -> MessageStatus.SENT;
                case "delivered" -> MessageStatus.DELIVERED;
                case "read" -> MessageStatus.READ;
                case "undelivered", "failed" -> MessageStatus.FAILED;
                default -> null; // queued, sending, accepted…: nothing new
            };
            var sid = params.get("MessageSid");
            if (mapped == null || sid == null) {
                return;
            }
            var code = params.get("ErrorCode");
            core.status(new StatusReport(
                    sid,
                    ourId(request.getParameter("messageId")),
                    mapped,
                    clock.instant(),
                    code,
                    code == null ? null : "SMS delivery failed (" + code + ")",
                    "21610".equals(code) ? FailureKind.OPTED_OUT : FailureKind.FINAL,
                    null));
        });
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/sms/inbound")
    @Operation(
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = PARAMETERS_DESCRIPTION,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(type = "object"),
                                            schemaProperties = {
                                                @SchemaProperty(name = "MessageSid", schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "From", schema = @Schema(type = "string")),
                                                @SchemaProperty(name = "Body", schema = @Schema(type = "string"))
                                            })))
    @Parameter(
            in = ParameterIn.HEADER,
            name = SIGNATURE,
            required = true,
            description = SIGNATURE_DESCRIPTION,
            schema = @Schema(type = "string"))
    @ApiResponse(
            responseCode = "200",
            description = "Taken; an empty TwiML answer (no reply from here)",
            content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string")))
    ResponseEntity<String> receiveSmsInbound(HttpServletRequest request) {
        var params = verified(request);
        core.take("sms", json.writeValueAsBytes(params), () -> {
            var sid = params.get("MessageSid");
            if (sid == null) {
                return;
            }
            var media = hasMedia(params);
            core.message(new InboundMessage(
                    Channel.SMS,
                    sid,
                    phone(params.get("From")),
                    "text",
                    params.get("Body"),
                    null,
                    null,
                    json.writeValueAsString(params),
                    clock.instant(),
                    media ? params.get("MediaUrl0") : null,
                    media ? params.get("MediaContentType0") : null,
                    null,
                    null));
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }

    /** The POST parameters, once the signature over the URL and them is proven. */
    private Map<String, String> verified(HttpServletRequest request) {
        var query = UriComponentsBuilder.fromUriString(
                        "?" + (request.getQueryString() == null ? "" : request.getQueryString()))
                .build()
                .getQueryParams();
        var params = new HashMap<String, String>();
        request.getParameterMap().forEach((name, values) -> {
            if (!query.containsKey(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        if (!Signatures.twilioSignatureMatches(
                secrets.authToken(), publicUrl(request), params, request.getHeader(SIGNATURE))) {
            core.rejected("sms");
            throw new InvalidSignatureException(SIGNATURE);
        }
        return params;
    }

    private String publicUrl(HttpServletRequest request) {
        var base = properties.webhookBaseUrl();
        var path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (base != null && !base.isBlank()) {
            return base.replaceAll("/+$", "")
                    + path.substring(request.getContextPath().length());
        }
        return request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /** Twilio's {@code NumMedia}: how many files the message carries (MMS); the first is {@code MediaUrl0}. */
    private static boolean hasMedia(Map<String, String> params) {
        try {
            return Integer.parseInt(params.getOrDefault("NumMedia", "0").strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String phone(String from) {
        try {
            return from == null ? null : PhoneNumber.parse(from, null).e164();
        } catch (InvalidPhoneNumberException e) {
            return null;
        }
    }

    private static UUID ourId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
