package io.commerce.messaging.media;

import io.commerce.messaging.channel.MediaSource;
import io.commerce.shared.Channel;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Files exchanged with the providers, for the rest of the service: downloads what a customer sent (by the
 * provider's media id or URL) and uploads what we send. Each channel adapter does the provider's part.
 */
@Service
public class ProviderMedia {

    private final Map<Channel, MediaSource> sources = new EnumMap<>(Channel.class);

    ProviderMedia(List<MediaSource> sources) {
        sources.forEach(source -> this.sources.put(source.channel(), source));
    }

    /**
     * Downloads the provider's file {@code providerMediaId} into {@code target} (created or replaced), refusing
     * more than Meta's limit for its type. Never throws for provider or network errors.
     */
    public MediaFetch fetch(Channel channel, String providerMediaId, Path target) {
        var source = sources.get(channel);
        return source == null
                ? new MediaFetch.Gone("no media source for " + channel)
                : source.fetch(providerMediaId, target);
    }

    /** Hands {@code file} to the channel's provider for sending; never throws for provider or network errors. */
    public MediaUpload upload(Channel channel, Path file, String mimeType, String filename) {
        var source = sources.get(channel);
        return source == null
                ? new MediaUpload.Unsupported(channel + " carries no files")
                : source.upload(file, mimeType, filename);
    }
}
