package io.commerce.conversation.media;

/** Where a file stands: to download, kept, given up (the message is kept), or deleted by retention or erasure. */
public enum MediaStatus {
    PENDING,
    STORED,
    FAILED,
    DELETED
}
