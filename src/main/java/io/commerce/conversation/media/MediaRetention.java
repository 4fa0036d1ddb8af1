package io.commerce.conversation.media;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the bytes of files older than {@code commerce.conversation.media.retention}; their rows stay, marked
 * {@code DELETED}, so a conversation still shows that a file was there.
 */
@Component
class MediaRetention {

    private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);
    private static final int BATCH = 500;

    private final MediaRows rows;
    private final MediaFolder folder;
    private final MediaProperties properties;
    private final Clock clock;

    MediaRetention(MediaRows rows, MediaFolder folder, MediaProperties properties, Clock clock) {
        this.rows = rows;
        this.folder = folder;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void scheduled() {
        var deleted = purge();
        if (deleted > 0) {
            log.info("deleted {} media files past their retention", deleted);
        }
    }

    /** Deletes every stored file past its retention; returns how many. */
    int purge() {
        var cutoff = clock.instant().minus(properties.retention());
        var total = 0;
        while (true) {
            var due = rows.storedBefore(cutoff, BATCH);
            for (var id : due) {
                folder.delete(folder.path(id));
                rows.deleted(id);
            }
            total += due.size();
            if (due.size() < BATCH) {
                return total;
            }
        }
    }
}
