package io.commerce.messaging.sandbox;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The simulated Cloud API's media, in memory (the last 200 files): what sandbox customers send and what the
 * service uploads to send. Ids are digits, like Meta's.
 */
@Component
@Conditional(SandboxMode.WhatsApp.class)
class SandboxMediaStore {

    /** One file: its bytes, type, name and Meta-style checksum (base64 SHA-256). */
    record File(String id, byte[] bytes, String mimeType, String filename, String sha256) {}

    private static final int KEPT = 200;

    private final Map<String, File> files = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, File> eldest) {
            return size() > KEPT;
        }
    };

    synchronized File put(byte[] bytes, String mimeType, String filename) {
        var id = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, Long.MAX_VALUE));
        var file = new File(id, bytes, mimeType, filename, sha256(bytes));
        files.put(id, file);
        return file;
    }

    synchronized File get(String id) {
        return files.get(id);
    }

    static String sha256(byte[] bytes) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 1×1 PNG: the "photo of a receipt" a sandbox customer sends. */
    static byte[] samplePng() {
        return Base64.getDecoder()
                .decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    /** A one-page PDF saying "Receipt". */
    static byte[] samplePdf() {
        var text = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj
                4 0 obj << /Length 44 >> stream
                BT /F1 12 Tf 20 50 Td (Receipt) Tj ET
                endstream endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
