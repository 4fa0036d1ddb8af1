package io.commerce.conversation.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file of a conversation, stored and ready to serve. */
public record StoredFile(
        String mediaId,
        String mimeType,
        long size,
        String sha256,
        @Nullable String filename,
        Path path) {

    /** Its bytes, with its content type, its checksum as {@code ETag} and its name, shown inline. */
    public ResponseEntity<Resource> response() {
        var disposition = ContentDisposition.inline();
        if (filename != null) {
            disposition.filename(filename, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mimeType))
                .contentLength(size)
                .eTag(sha256)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .body(new FileSystemResource(path));
    }
}
