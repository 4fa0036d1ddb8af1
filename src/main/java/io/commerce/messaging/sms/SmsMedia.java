package io.commerce.messaging.sms;

import io.commerce.messaging.channel.MediaSource;
import io.commerce.messaging.channel.MediaStreams;
import io.commerce.messaging.channel.ProviderEndpoint;
import io.commerce.messaging.media.MediaFetch;
import io.commerce.messaging.media.MediaTypes;
import io.commerce.messaging.media.MediaUpload;
import io.commerce.shared.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Twilio's media: a file a customer sent by MMS is its {@code MediaUrl0}, fetched with basic auth (account SID
 * and token); Twilio answers with a redirect to the file, followed once without the credentials. SMS carries
 * no files of ours: sending one needs a public link, which this service does not offer.
 */
@Component
class SmsMedia implements MediaSource {

    private final SmsProperties properties;
    private final SmsSecrets secrets;
    private final RestClient client;

    SmsMedia(SmsProperties properties, SmsSecrets secrets) {
        this.properties = properties;
        this.secrets = secrets;
        this.client = ProviderEndpoint.client(properties.requestTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public MediaFetch fetch(String mediaUrl, Path target) {
        try {
            var credentials = (properties.accountSid() + ":" + secrets.authToken()).getBytes(StandardCharsets.UTF_8);
            return get(URI.create(mediaUrl), "Basic " + Base64.getEncoder().encodeToString(credentials), target, 1);
        } catch (RestClientException | UncheckedIOException | IllegalArgumentException e) {
            return new MediaFetch.Failed("the media could not be downloaded: " + e.getMessage());
        }
    }

    private MediaFetch get(URI url, String authorization, Path target, int redirects) {
        var request = client.get().uri(url);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange((req, response) -> {
            var status = response.getStatusCode();
            var location = response.getHeaders().getLocation();
            if (status.is3xxRedirection() && location != null && redirects > 0) {
                return get(url.resolve(location), null, target, redirects - 1);
            }
            if (status.value() == 404 || status.value() == 410) {
                return new MediaFetch.Gone("the media URL answered " + status.value());
            }
            if (!status.is2xxSuccessful()) {
                return new MediaFetch.Failed("the media URL answered " + status.value());
            }
            var type = response.getHeaders().getContentType();
            var mime = type == null ? "application/octet-stream" : type.toString();
            var limit = MediaTypes.inboundLimit(mime);
            try (var body = response.getBody()) {
                return MediaStreams.copy(body, target, limit)
                        .<MediaFetch>map(copied -> new MediaFetch.Fetched(mime, copied.size(), copied.sha256(), null))
                        .orElseGet(() -> new MediaFetch.TooLarge(mime, limit + 1, limit));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public MediaUpload upload(Path file, String mimeType, String filename) {
        return new MediaUpload.Unsupported("SMS carries no files of ours");
    }
}
