package io.commerce.conversation.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The local folder the files live in ({@code commerce.conversation.media.folder}), one file per media id. A
 * file is written under a temporary name and moved into place once whole, so a stored id always has all its bytes.
 */
@Component
class MediaFolder {

    private static final Logger log = LoggerFactory.getLogger(MediaFolder.class);

    private final Path root;

    MediaFolder(MediaProperties properties) {
        this.root = properties.folder().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + root, e);
        }
    }

    /** Where the file of {@code id} is, once stored. */
    Path path(String id) {
        var path = root.resolve(id).normalize();
        if (!path.getParent().equals(root)) {
            throw new IllegalArgumentException("not a media id");
        }
        return path;
    }

    /** A fresh temporary file in the folder, to write a download or an upload into. */
    Path temporary(String id) {
        try {
            return Files.createTempFile(root, id + "-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a complete temporary file into place as {@code id}. */
    void keep(Path temporary, String id) {
        try {
            Files.move(temporary, path(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String id) {
        return Files.isRegularFile(path(id));
    }

    /** Deletes the file of {@code id} (or a temporary one); quietly, a missing file is already deleted. */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete media file {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
