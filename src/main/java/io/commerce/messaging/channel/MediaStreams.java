package io.commerce.messaging.channel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Copies a provider's bytes to a file with a size cap, computing their SHA-256 on the way. */
public final class MediaStreams {

    /** What was written: its size and checksum (hex). */
    public record Copied(long size, String sha256) {}

    private MediaStreams() {}

    /**
     * Writes {@code in} to {@code target}; empty (and the file removed) when it holds more than {@code limit}
     * bytes, so a file over the limit is never kept, whatever the provider announced.
     */
    public static Optional<Copied> copy(InputStream in, Path target, long limit) throws IOException {
        var digest = sha256();
        long size;
        try (var counted = new DigestInputStream(in, digest);
                var out = Files.newOutputStream(target)) {
            size = transfer(counted, out, limit);
        }
        if (size > limit) {
            Files.deleteIfExists(target);
            return Optional.empty();
        }
        return Optional.of(new Copied(size, HexFormat.of().formatHex(digest.digest())));
    }

    private static long transfer(InputStream in, java.io.OutputStream out, long limit) throws IOException {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            total += read;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
