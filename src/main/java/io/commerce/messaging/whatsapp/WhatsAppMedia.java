package io.commerce.messaging.whatsapp;

import io.commerce.messaging.channel.MediaSource;
import io.commerce.messaging.channel.MediaStreams;
import io.commerce.messaging.channel.ProviderEndpoint;
import io.commerce.messaging.channel.ServiceUrl;
import io.commerce.messaging.media.MediaFetch;
import io.commerce.messaging.media.MediaTypes;
import io.commerce.messaging.media.MediaUpload;
import io.commerce.shared.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * The Cloud API's media endpoints: a customer's file is {@code GET /{media-id}} (its short-lived URL, type,
 * size and checksum), then {@code GET url} with the token; a URL that expired (404, 410) is asked for again
 * once. Ours go up as {@code POST /{phone-number-id}/media} (multipart) and are sent by the id it returns.
 * In sandbox mode both go to the built-in simulator.
 */
@Component
class WhatsAppMedia implements MediaSource {

    private final WhatsAppProperties properties;
    private final ServiceUrl serviceUrl;
    private final RestClient client;

    WhatsAppMedia(WhatsAppProperties properties, ServiceUrl serviceUrl) {
        this.properties = properties;
        this.serviceUrl = serviceUrl;
        // a download may be 100 MB: the timeout bounds each read, the stream is copied as it comes
        this.client = ProviderEndpoint.client(properties.requestTimeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public MediaFetch fetch(String mediaId, Path target) {
        try {
            for (var ask = 0; ask < 2; ask++) {
                var meta = client.get()
                        .uri(graph() + "/{id}?phone_number_id={phone}", mediaId, properties.phoneNumberId())
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .retrieve()
                        .body(JsonNode.class);
                var url = meta == null ? null : meta.path("url").asString(null);
                if (url == null) {
                    return new MediaFetch.Failed("the Cloud API answered without a media URL");
                }
                var mime = meta.path("mime_type").asString("application/octet-stream");
                var limit = MediaTypes.inboundLimit(mime);
                var announced = meta.path("file_size").asLong(0);
                if (announced > limit) {
                    return new MediaFetch.TooLarge(mime, announced, limit);
                }
                var outcome = download(url, mime, limit, meta.path("sha256").asString(null), target);
                if (outcome != null) {
                    return outcome;
                }
                // the URL expired between the two calls: a fresh one, once
            }
            return new MediaFetch.Gone("the media URL expired twice");
        } catch (RestClientResponseException e) {
            var status = e.getStatusCode().value();
            if (status == 404 || status == 400) {
                return new MediaFetch.Gone("the Cloud API does not know the media (" + status + ")");
            }
            return new MediaFetch.Failed("the Cloud API answered " + status);
        } catch (RestClientException | UncheckedIOException e) {
            return new MediaFetch.Failed("the media could not be downloaded: " + e.getMessage());
        }
    }

    /** The file at {@code url}; null when the URL expired (404, 410). */
    private MediaFetch download(String url, String mime, long limit, String sha256, Path target) {
        return client.get()
                .uri(java.net.URI.create(url))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange((request, response) -> {
                    var status = response.getStatusCode().value();
                    if (status == 404 || status == 410) {
                        return null;
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        return new MediaFetch.Failed("the media URL answered " + status);
                    }
                    try (var body = response.getBody()) {
                        return MediaStreams.copy(body, target, limit)
                                .<MediaFetch>map(
                                        copied -> new MediaFetch.Fetched(mime, copied.size(), copied.sha256(), sha256))
                                .orElseGet(() -> new MediaFetch.TooLarge(mime, limit + 1, limit));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public MediaUpload upload(Path file, String mimeType, String filename) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("messaging_product", "whatsapp");
        form.add("type", mimeType);
        var part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(mimeType));
        part.setContentDispositionFormData("file", filename);
        form.add("file", new org.springframework.http.HttpEntity<>(new FileSystemResource(file), part));
        try {
            var answer = client.post()
                    .uri(graph() + "/{phone}/media", properties.phoneNumberId())
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            var id = answer == null ? null : answer.path("id").asString(null);
            return id == null
                    ? new MediaUpload.Failed("the Cloud API answered without a media id")
                    : new MediaUpload.Uploaded(id);
        } catch (RestClientResponseException e) {
            return new MediaUpload.Failed(
                    "the Cloud API refused the file (" + e.getStatusCode().value() + ")");
        } catch (RestClientException e) {
            return new MediaUpload.Failed("the Cloud API could not be reached: " + e.getMessage());
        }
    }

    private String graph() {
        var base = properties.sandbox() ? serviceUrl.baseUrl() + "/sandbox/whatsapp" : properties.apiBaseUrl();
        return base + "/" + properties.apiVersion();
    }

    private String bearer() {
        return "Bearer " + (properties.sandbox() ? "sandbox" : properties.accessToken());
    }
}
