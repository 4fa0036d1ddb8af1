package io.commerce.messaging.media;

import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What came of downloading a file a customer sent from its provider: stored in the target file, gone (the
 * provider no longer has it: retrying is useless), too large for Meta's limit of its type (not stored), or a
 * transient failure (the provider or the network failed: try again later).
 */
public sealed interface MediaFetch {

    /**
     * The bytes are in the target file: {@code sha256} is their checksum (hex) as we computed it, {@code
     * providerSha256} the provider's when it gave one (Meta: base64), to compare.
     */
    record Fetched(
            String mimeType,
            long size,
            String sha256,
            @Nullable String providerSha256) implements MediaFetch {

        /** Our checksum matches the provider's, given as hex or base64 (Meta's way); true when it gave none. */
        public boolean checksumMatches() {
            if (providerSha256 == null || providerSha256.isBlank() || providerSha256.equalsIgnoreCase(sha256)) {
                return true;
            }
            try {
                var decoded = Base64.getDecoder().decode(providerSha256.strip());
                return HexFormat.of().formatHex(decoded).equalsIgnoreCase(sha256);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
    }

    /** The provider does not know the id, or its URL expired even after asking again. */
    record Gone(String reason) implements MediaFetch {}

    /** Larger than Meta's limit for its type: nothing kept. */
    record TooLarge(String mimeType, long size, long limit) implements MediaFetch {}

    /** The provider or the network failed; worth trying again later. */
    record Failed(String reason) implements MediaFetch {}
}
