package io.commerce.messaging.sandbox;

import io.commerce.messaging.channel.ServiceUrl;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A stand-in for the Cloud API's media endpoints while no {@code WHATSAPP_ACCESS_TOKEN} is set: {@code GET
 * /{media-id}} (URL, type, checksum, size), the URL itself, and {@code POST /{phone-number-id}/media} (an
 * upload, answered with its id). Like Meta, each asks for the token; unknown ids are Meta's error 100.
 */
@Hidden
@RestController
@Conditional(SandboxMode.WhatsApp.class)
class WhatsAppMediaSandbox {

    private static final String BEARER = "Bearer sandbox";

    private final SandboxMediaStore store;
    private final ServiceUrl serviceUrl;

    WhatsAppMediaSandbox(SandboxMediaStore store, ServiceUrl serviceUrl) {
        this.store = store;
        this.serviceUrl = serviceUrl;
    }

    @GetMapping("/sandbox/whatsapp/{version}/{mediaId}")
    ResponseEntity<Map<String, Object>> mediaUrl(
            @PathVariable String version,
            @PathVariable String mediaId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletRequest request) {
        if (!LocalCaller.isLocal(request) || !BEARER.equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
        }
        var file = store.get(mediaId);
        if (file == null) {
            return error(HttpStatus.NOT_FOUND, 100, "Unsupported get request.");
        }
        return ResponseEntity.ok(Map.of(
                "messaging_product",
                "whatsapp",
                "url",
                serviceUrl.baseUrl() + "/sandbox/whatsapp/files/" + mediaId,
                "mime_type",
                file.mimeType(),
                "sha256",
                file.sha256(),
                "file_size",
                file.bytes().length,
                "id",
                mediaId));
    }

    @GetMapping("/sandbox/whatsapp/files/{mediaId}")
    ResponseEntity<byte[]> mediaBytes(
            @PathVariable String mediaId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            HttpServletRequest request) {
        if (!LocalCaller.isLocal(request) || !BEARER.equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        var file = store.get(mediaId);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mimeType()))
                .body(file.bytes());
    }

    @PostMapping("/sandbox/whatsapp/{version}/{phoneNumberId}/media")
    ResponseEntity<Map<String, Object>> mediaUpload(
            @PathVariable String version,
            @PathVariable String phoneNumberId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam("messaging_product") String product,
            @RequestParam("file") MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        if (!LocalCaller.isLocal(request) || !BEARER.equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token.");
        }
        if (!"whatsapp".equals(product) || file.getContentType() == null) {
            return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter");
        }
        var stored = store.put(file.getBytes(), file.getContentType(), file.getOriginalFilename());
        return ResponseEntity.ok(Map.of("id", stored.id()));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String title) {
        return ResponseEntity.status(status)
                .body(Map.of(
                        "error",
                        Map.of(
                                "message",
                                "(#%d) %s".formatted(code, title),
                                "type",
                                "OAuthException",
                                "code",
                                code,
                                "fbtrace_id",
                                "sandbox")));
    }
}
