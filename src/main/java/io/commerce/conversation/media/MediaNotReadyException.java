package io.commerce.conversation.media;

import io.commerce.shared.CommerceException;

/** A customer's file that is still being downloaded from the provider: ask again shortly. */
public class MediaNotReadyException extends CommerceException {
    MediaNotReadyException(String mediaId) {
        super(
                Kind.CONFLICT,
                "MEDIA_NOT_READY",
                "file '%s' is still being downloaded; ask again shortly".formatted(mediaId));
    }
}
