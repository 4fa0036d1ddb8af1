package io.commerce.messaging.media;

/**
 * What came of handing a file to a provider for sending: its id there (WhatsApp keeps uploaded media for 30
 * days), a channel that carries no files of ours (SMS), or a failure.
 */
public sealed interface MediaUpload {

    record Uploaded(String providerMediaId) implements MediaUpload {}

    record Unsupported(String reason) implements MediaUpload {}

    record Failed(String reason) implements MediaUpload {}
}
