package io.commerce.messaging.whatsapp;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Walks a Cloud API webhook ({@code entry[].changes[].value}) and hands each status, inbound message, user
 * preference and account-level error to the callbacks, whatever else the payload holds: unknown fields, unknown message types
 * and other {@code field}s are passed over, never an error.
 */
public final class WhatsAppWebhookReader {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookReader.class);
    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document", "sticker");

    /** A status of one of our messages. */
    public record Status(
            String wamid,
            UUID ourId,
            String status,
            Instant at,
            Integer errorCode,
            String errorTitle,
            String pricingCategory) {}

    /**
     * A message the customer sent; {@code phone} is E.164, or null when Meta withheld the number. For image,
     * document, audio, video and sticker messages, {@code mediaId} is Meta's media id, with its {@code
     * mimeType}, {@code sha256} and (documents) {@code filename}; null otherwise. The caption is the {@code text}.
     */
    public record Message(
            String wamid,
            String phone,
            String type,
            String text,
            String replyPayload,
            String contextId,
            Instant at,
            String raw,
            String mediaId,
            String mimeType,
            String filename,
            String sha256) {}

    /**
     * An error Meta reports for the whole account or number rather than one message (e.g. 130429, rate limit
     * hit): {@code details} is Meta's explanation, when given.
     */
    public record AccountError(int code, String title, String details) {}

    /** The customer stopped or resumed marketing in WhatsApp itself. */
    public record Preference(String phone, boolean stop, String detail) {}

    private WhatsAppWebhookReader() {}

    public static void read(
            JsonNode root,
            Consumer<Status> statuses,
            Consumer<Message> messages,
            Consumer<Preference> preferences,
            Consumer<AccountError> errors) {
        for (var entry : root.path("entry")) {
            for (var change : entry.path("changes")) {
                var value = change.path("value");
                switch (change.path("field").asString("")) {
                    case "messages" -> {
                        value.path("statuses").forEach(status -> statuses.accept(status(status)));
                        value.path("messages").forEach(message -> messages.accept(message(message)));
                        value.path("errors")
                                .forEach(error -> errors.accept(new AccountError(
                                        error.path("code").asInt(),
                                        error.path("title").asString(""),
                                        error.path("error_data").path("details").asString(null))));
                    }
                    case "user_preferences" ->
                        value.path("user_preferences").forEach(preference -> {
                            if ("marketing_messages"
                                    .equals(preference.path("category").asString(""))) {
                                preferences.accept(new Preference(
                                        phone(preference.path("wa_id").asString(null)),
                                        "stop".equals(preference.path("value").asString("")),
                                        preference.path("detail").asString("")));
                            }
                        });
                    default ->
                        log.debug(
                                "ignoring WhatsApp webhook field {}",
                                change.path("field").asString(""));
                }
            }
        }
    }

    private static Status status(JsonNode status) {
        var error = status.path("errors").path(0);
        return new Status(
                status.path("id").asString(null),
                uuid(status.path("biz_opaque_callback_data").asString(null)),
                status.path("status").asString(""),
                epoch(status.path("timestamp")),
                error.isMissingNode() ? null : error.path("code").asInt(),
                error.isMissingNode()
                        ? null
                        : error.path("title").asString(error.path("message").asString("")),
                status.path("pricing").path("category").asString(null));
    }

    private static Message message(JsonNode message) {
        var type = message.path("type").asString("unknown");
        String text = null;
        String payload = null;
        var context = message.path("context").path("id").asString(null);
        var media = MEDIA_TYPES.contains(type) ? message.path(type) : MissingNode.getInstance();
        switch (type) {
            case "text" -> text = message.path("text").path("body").asString(null);
            case "button" -> {
                text = message.path("button").path("text").asString(null);
                payload = message.path("button").path("payload").asString(null);
            }
            case "interactive" -> {
                var interactive = message.path("interactive");
                var reply = interactive.path(interactive.path("type").asString(""));
                text = reply.path("title").asString(reply.path("body").asString(null));
                payload = reply.path("id").asString(null);
            }
            case "image", "video", "audio", "document", "sticker" ->
                text = message.path(type).path("caption").asString(null);
            case "location" -> {
                var location = message.path("location");
                text = location.path("name")
                        .asString(location.path("latitude").asString("") + ","
                                + location.path("longitude").asString(""));
            }
            case "reaction" -> {
                text = message.path("reaction").path("emoji").asString(null);
                context = message.path("reaction").path("message_id").asString(context);
            }
            case "order" -> text = message.path("order").path("text").asString(null);
            case "system" -> text = message.path("system").path("body").asString(null);
            default -> {
                // unsupported and future types: kept with their raw payload
            }
        }
        return new Message(
                message.path("id").asString(null),
                phone(message.path("from").asString(null)),
                type,
                text,
                payload,
                context,
                epoch(message.path("timestamp")),
                message.toString(),
                media.path("id").asString(null),
                media.path("mime_type").asString(null),
                media.path("filename").asString(null),
                media.path("sha256").asString(null));
    }

    /** Meta's {@code wa_id} is the number's digits without the plus. */
    static String phone(String waId) {
        if (waId == null || !waId.matches("\\d{6,15}")) {
            return null;
        }
        return "+" + waId;
    }

    private static Instant epoch(JsonNode timestamp) {
        var seconds = timestamp.asLong(0);
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
