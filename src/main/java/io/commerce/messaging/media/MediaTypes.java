package io.commerce.messaging.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files WhatsApp accepts, by MIME type, with Meta's size limit for each (the Cloud API's "supported media
 * types"): images 5 MB (JPEG, PNG), audio 16 MB (AAC, AMR, MP3, M4A, OGG), video 16 MB (MP4, 3GP), documents
 * 100 MB (text, PDF, Word, Excel, PowerPoint), stickers 500 KB (WebP). The one place these numbers live.
 */
public final class MediaTypes {

    /** What sort of file a type is, and the most bytes Meta takes of it. */
    public record Rule(Kind kind, long maxBytes) {}

    /** Meta's families of media. */
    public enum Kind {
        IMAGE,
        AUDIO,
        VIDEO,
        DOCUMENT,
        STICKER
    }

    private static final long MB = 1024L * 1024L;

    /** The largest file Meta takes or hands over (a document); inbound files over it never reach us. */
    public static final long LARGEST = 100 * MB;

    private static final Rule IMAGE = new Rule(Kind.IMAGE, 5 * MB);
    private static final Rule AUDIO = new Rule(Kind.AUDIO, 16 * MB);
    private static final Rule VIDEO = new Rule(Kind.VIDEO, 16 * MB);
    private static final Rule DOCUMENT = new Rule(Kind.DOCUMENT, LARGEST);
    private static final Rule STICKER = new Rule(Kind.STICKER, 500 * 1024L);

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("image/jpeg", IMAGE),
            Map.entry("image/png", IMAGE),
            Map.entry("audio/aac", AUDIO),
            Map.entry("audio/amr", AUDIO),
            Map.entry("audio/mpeg", AUDIO),
            Map.entry("audio/mp4", AUDIO),
            Map.entry("audio/ogg", AUDIO),
            Map.entry("video/mp4", VIDEO),
            Map.entry("video/3gpp", VIDEO),
            Map.entry("text/plain", DOCUMENT),
            Map.entry("application/pdf", DOCUMENT),
            Map.entry("application/msword", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCUMENT),
            Map.entry("application/vnd.ms-excel", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DOCUMENT),
            Map.entry("application/vnd.ms-powerpoint", DOCUMENT),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", DOCUMENT),
            Map.entry("image/webp", STICKER));

    private MediaTypes() {}

    /** Meta's rule for a type ({@code audio/ogg; codecs=opus} is {@code audio/ogg}); empty when Meta refuses it. */
    public static Optional<Rule> rule(String mimeType) {
        return Optional.ofNullable(RULES.get(essence(mimeType)));
    }

    /**
     * The most bytes to take of a file a customer sent: Meta's limit for its type, or the largest file when the
     * type is not one Meta lists (nothing a customer sends is refused for its type).
     */
    public static long inboundLimit(String mimeType) {
        return rule(mimeType).map(Rule::maxBytes).orElse(LARGEST);
    }

    /** The type without parameters, lower case; empty for none. */
    public static String essence(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        var semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
