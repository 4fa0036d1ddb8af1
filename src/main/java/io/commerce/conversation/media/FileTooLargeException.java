package io.commerce.conversation.media;

import io.commerce.shared.CommerceException;

/** A file over Meta's size limit for its type. */
public class FileTooLargeException extends CommerceException {
    FileTooLargeException(String mimeType, long limit) {
        super(Kind.TOO_LARGE, "FILE_TOO_LARGE", "%s files may have at most %d bytes".formatted(mimeType, limit));
    }
}
