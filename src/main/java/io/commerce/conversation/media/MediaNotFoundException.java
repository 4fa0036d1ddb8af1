package io.commerce.conversation.media;

import io.commerce.shared.CommerceException;

/** No file with this id (or its bytes are gone: given up, deleted by retention or erasure). */
public class MediaNotFoundException extends CommerceException {
    MediaNotFoundException(String mediaId) {
        super(Kind.NOT_FOUND, "MEDIA_NOT_FOUND", "file '%s' does not exist".formatted(mediaId));
    }
}
