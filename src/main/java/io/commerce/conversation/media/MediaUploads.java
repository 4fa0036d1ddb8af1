package io.commerce.conversation.media;

import io.commerce.messaging.media.MediaTypes;
import io.commerce.shared.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes a file an agent uploads to send: only types WhatsApp carries (415 otherwise), within Meta's limit for
 * the type (413 otherwise), stored in the folder with its checksum.
 */
@Component
public class MediaUploads {

    private final MediaRows rows;
    private final MediaFolder folder;
    private final Clock clock;

    MediaUploads(MediaRows rows, MediaFolder folder, Clock clock) {
        this.rows = rows;
        this.folder = folder;
        this.clock = clock;
    }

    public MediaView upload(MultipartFile file) {
        var mime = mimeType(file);
        var rule = MediaTypes.rule(mime).orElseThrow(() -> new UnsupportedFileTypeException(mime));
        if (file.getSize() > rule.maxBytes()) {
            throw new FileTooLargeException(mime, rule.maxBytes());
        }
        if (file.isEmpty()) {
            throw new InvalidValueException("file", "the file is empty");
        }
        var id = UUID.randomUUID().toString();
        var temporary = folder.temporary(id);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (var in = new DigestInputStream(file.getInputStream(), digest)) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            folder.keep(temporary, id);
            var sha256 = HexFormat.of().formatHex(digest.digest());
            var filename = filename(file);
            rows.insertOutbound(id, mime, file.getSize(), sha256, filename, clock.instant());
            return new MediaView(id, mime, file.getSize(), sha256, filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        } finally {
            folder.delete(temporary);
        }
    }

    /** The part's declared type, or when it declares none (or a generic one) the type its name suggests. */
    private static String mimeType(MultipartFile file) {
        var declared = MediaTypes.essence(file.getContentType());
        if (!declared.isEmpty() && !declared.equals("application/octet-stream")) {
            return declared;
        }
        return MediaTypeFactory.getMediaType(file.getOriginalFilename())
                .map(type -> type.getType() + "/" + type.getSubtype())
                .orElse("application/octet-stream");
    }

    private static String filename(MultipartFile file) {
        var name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return null;
        }
        var base = name.replaceAll("^.*[/\\\\]", "").strip();
        return base.length() <= 255 ? base : base.substring(base.length() - 255);
    }
}
