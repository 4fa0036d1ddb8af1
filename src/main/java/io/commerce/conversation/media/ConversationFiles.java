package io.commerce.conversation.media;

import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.media.MediaTypes;
import io.commerce.messaging.media.MediaUpload;
import io.commerce.messaging.media.ProviderMedia;
import io.commerce.shared.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The conversation's files, for the rest of the module: a customer's file is recorded when their message is
 * routed (downloaded later, apart from the webhook), described in the conversation view, and an agent's file
 * becomes a message's content (uploaded to WhatsApp when first sent, then reused while Meta keeps it).
 */
@Component
public class ConversationFiles {

    /** Meta keeps uploaded media 30 days; a day less leaves room for a message queued a while. */
    private static final Duration UPLOAD_REUSE = Duration.ofDays(29);

    /** What a conversation line shows of its file. */
    public record FileInfo(
            @Nullable String mimeType, @Nullable Long size, MediaStatus status) {}

    private final MediaRows rows;
    private final MediaFolder folder;
    private final ProviderMedia provider;
    private final Clock clock;

    ConversationFiles(MediaRows rows, MediaFolder folder, ProviderMedia provider, Clock clock) {
        this.rows = rows;
        this.folder = folder;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Records the file of a customer's message, to download as soon as possible, in the caller's transaction;
     * the same message twice records it once.
     *
     * @param providerMediaId Meta's media id or Twilio's media URL
     * @return our media id, for the conversation line and {@code GET /api/v1/media/{id}}
     */
    public String received(
            UUID conversationId,
            @Nullable String customerId,
            Channel channel,
            long inboundId,
            String providerMediaId,
            @Nullable String mimeType,
            @Nullable String filename) {
        return rows.insertInbound(
                UUID.randomUUID().toString(),
                channel,
                conversationId,
                customerId,
                inboundId,
                providerMediaId,
                mimeType,
                filename,
                clock.instant());
    }

    /** The file's type, size and state; empty when unknown (erased). */
    public Optional<FileInfo> describe(String mediaId) {
        return rows.find(mediaId).map(row -> new FileInfo(row.mimeType(), row.size(), row.status()));
    }

    /**
     * The content of a message carrying the stored file {@code mediaId} on {@code channel}: an image or else a
     * document, by the provider's id of the file (uploaded now unless uploaded less than 29 days ago).
     *
     * @throws MediaNotFoundException when there is no such stored file
     * @throws MediaNotReadyException when it is still being downloaded
     * @throws MediaNotSendableException when the channel carries no files or the provider refused it
     */
    public OutboundContent.Media outgoing(String mediaId, @Nullable String caption, Channel channel) {
        var row = storedRow(mediaId);
        var image = MediaTypes.rule(row.mimeType())
                .map(rule -> rule.kind() == MediaTypes.Kind.IMAGE)
                .orElse(false);
        var kind = image ? OutboundContent.MediaKind.IMAGE : OutboundContent.MediaKind.DOCUMENT;
        var filename = image ? null : row.filename() == null ? "file" : row.filename();
        return new OutboundContent.Media(kind, null, providerId(row, channel), caption, filename);
    }

    /**
     * A stored file, to serve: its type, size, checksum, name and where its bytes are.
     *
     * @throws MediaNotFoundException when unknown, given up or deleted
     * @throws MediaNotReadyException when a customer's file is still being downloaded
     */
    public StoredFile stored(String mediaId) {
        var row = storedRow(mediaId);
        return new StoredFile(
                mediaId,
                Objects.requireNonNull(row.mimeType()),
                Objects.requireNonNull(row.size()),
                Objects.requireNonNull(row.sha256()),
                row.filename(),
                folder.path(mediaId));
    }

    private MediaRow storedRow(String mediaId) {
        var row = rows.find(mediaId).orElseThrow(() -> new MediaNotFoundException(mediaId));
        if (row.status() == MediaStatus.PENDING) {
            throw new MediaNotReadyException(mediaId);
        }
        if (row.status() != MediaStatus.STORED || !folder.exists(mediaId)) {
            throw new MediaNotFoundException(mediaId);
        }
        return row;
    }

    private String providerId(MediaRow row, Channel channel) {
        var now = clock.instant();
        if ("OUTBOUND".equals(row.direction())
                && row.providerMediaId() != null
                && row.providerUploadedAt() != null
                && row.providerUploadedAt().plus(UPLOAD_REUSE).isAfter(now)) {
            return row.providerMediaId();
        }
        var name = row.filename() == null ? row.id() : row.filename();
        return switch (provider.upload(channel, folder.path(row.id()), row.mimeType(), name)) {
            case MediaUpload.Uploaded uploaded -> {
                if ("OUTBOUND".equals(row.direction())) {
                    rows.uploaded(row.id(), uploaded.providerMediaId(), now);
                }
                yield uploaded.providerMediaId();
            }
            case MediaUpload.Unsupported unsupported -> throw new MediaNotSendableException(unsupported.reason());
            case MediaUpload.Failed failed ->
                throw new MediaNotSendableException("the provider did not take the file: " + failed.reason());
        };
    }
}
