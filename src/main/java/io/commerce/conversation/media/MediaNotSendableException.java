package io.commerce.conversation.media;

import io.commerce.shared.CommerceException;

/** A file that cannot go out on this conversation: not uploaded by an agent, a channel without files (SMS), or the provider refused it. */
public class MediaNotSendableException extends CommerceException {
    MediaNotSendableException(String reason) {
        super(Kind.CONFLICT, "MEDIA_NOT_SENDABLE", reason);
    }
}
