package io.commerce.conversation.media;

import io.commerce.messaging.media.MediaFetch;
import io.commerce.messaging.media.ProviderMedia;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Downloads the files customers sent, apart from the webhook and the router (which only record them): claims
 * due rows (FOR UPDATE SKIP LOCKED, so instances share the work), fetches each from its provider into the
 * folder, checks its checksum, and settles it: stored; given up when the provider no longer has it or it is
 * over Meta's limit; otherwise tried again after a doubling wait, up to {@code max-attempts}.
 */
@Component
class MediaDownloads {

    private static final Logger log = LoggerFactory.getLogger(MediaDownloads.class);

    private final MediaRows rows;
    private final MediaFolder folder;
    private final ProviderMedia provider;
    private final MediaProperties properties;
    private final Clock clock;

    MediaDownloads(
            MediaRows rows, MediaFolder folder, ProviderMedia provider, MediaProperties properties, Clock clock) {
        this.rows = rows;
        this.folder = folder;
        this.provider = provider;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${commerce.conversation.media.poll-interval:PT2S}")
    void poll() {
        if (!properties.downloadsEnabled()) {
            return;
        }
        while (runDue() == properties.batchSize()) {
            // a full batch: more may be due
        }
    }

    /** Downloads the files due now; returns how many were claimed. */
    int runDue() {
        var claimed = rows.claimDue(clock.instant(), properties.lease(), properties.batchSize());
        claimed.forEach(this::download);
        return claimed.size();
    }

    private void download(MediaRow row) {
        var temporary = folder.temporary(row.id());
        try {
            var outcome = provider.fetch(row.channel(), row.providerMediaId(), temporary);
            switch (outcome) {
                case MediaFetch.Fetched fetched -> {
                    if (!fetched.checksumMatches()) {
                        retry(row, "the checksum does not match the provider's");
                        return;
                    }
                    folder.keep(temporary, row.id());
                    rows.stored(row.id(), fetched.mimeType(), fetched.size(), fetched.sha256(), clock.instant());
                }
                case MediaFetch.TooLarge large -> {
                    log.info("media {} is over Meta's limit of its type ({} bytes): not kept", row.id(), large.limit());
                    rows.failed(
                            row.id(),
                            large.mimeType(),
                            large.size(),
                            "FILE_TOO_LARGE: over %d bytes".formatted(large.limit()));
                }
                case MediaFetch.Gone gone -> rows.failed(row.id(), null, null, "GONE: " + gone.reason());
                case MediaFetch.Failed failed -> retry(row, failed.reason());
            }
        } catch (RuntimeException e) {
            log.warn("media {} could not be downloaded", row.id(), e);
            retry(row, "unexpected: " + e.getMessage());
        } finally {
            folder.delete(temporary);
        }
    }

    private void retry(MediaRow row, String reason) {
        if (row.attempts() >= properties.maxAttempts()) {
            log.warn("media {} given up after {} attempts: {}", row.id(), row.attempts(), reason);
            rows.failed(row.id(), null, null, "ATTEMPTS_EXHAUSTED: " + reason);
            return;
        }
        rows.retryAt(row.id(), clock.instant().plus(backoff(row.attempts())), reason);
    }

    /** The wait after failed attempt {@code attempt} (1-based): the first retry, doubled each time, capped. */
    Duration backoff(int attempt) {
        var wait = properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(properties.maxRetry()) > 0 ? properties.maxRetry() : wait;
    }
}
