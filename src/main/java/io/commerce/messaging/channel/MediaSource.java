package io.commerce.messaging.channel;

import io.commerce.messaging.media.MediaFetch;
import io.commerce.messaging.media.MediaUpload;
import io.commerce.shared.Channel;
import java.nio.file.Path;

/**
 * A provider's files: downloading one a customer sent, by the provider's reference (Meta's media id, Twilio's
 * media URL), and uploading one of ours for sending. Implementations never throw for provider or network errors.
 */
public interface MediaSource {

    Channel channel();

    /** Downloads into {@code target}, refusing more than Meta's limit for the file's type. */
    MediaFetch fetch(String providerMediaId, Path target);

    /** Uploads {@code file} for sending; its provider id goes into the message. */
    MediaUpload upload(Path file, String mimeType, String filename);
}
