package io.commerce.conversation.media;

import io.commerce.shared.CommerceException;

/** A file of a type WhatsApp does not carry. */
public class UnsupportedFileTypeException extends CommerceException {
    UnsupportedFileTypeException(String mimeType) {
        super(
                Kind.UNSUPPORTED_TYPE,
                "UNSUPPORTED_FILE_TYPE",
                "WhatsApp does not accept files of type '%s'".formatted(mimeType));
    }
}
