package io.commerce.conversation.media;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of conversations: {@code GET /api/v1/media/{id}} serves one with its content type (409 {@code
 * MEDIA_NOT_READY} while a customer's file is still downloading; 404 when unknown, given up or deleted);
 * {@code POST /api/v1/media} takes a file an agent will send (multipart, field {@code file}).
 */
@RestController
class MediaController {

    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final ConversationFiles files;
    private final MediaUploads uploads;

    MediaController(ConversationFiles files, MediaUploads uploads) {
        this.files = files;
        this.uploads = uploads;
    }

    /** The file's bytes, with its content type and checksum ({@code ETag}: its hex SHA-256). */
    @GetMapping(value = "/api/v1/media/{mediaId}", produces = MediaType.ALL_VALUE)
    @ApiResponse(
            responseCode = "200",
            description = "The file, with its content type; ETag is its hex SHA-256",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "409",
            description = "A customer's file still being downloaded from the provider (MEDIA_NOT_READY)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    ResponseEntity<Resource> downloadMedia(@PathVariable @Size(max = 64) String mediaId) {
        return files.stored(mediaId).response();
    }

    /** A file an agent will send (then a reply naming its {@code mediaId}); only types WhatsApp carries. */
    @PostMapping(value = "/api/v1/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Stored", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "413",
            description = "Larger than Meta's limit for its type: images 5 MB, audio and video 16 MB, stickers 500 KB,"
                    + " documents 100 MB (FILE_TOO_LARGE), or than 101 MB in all (PAYLOAD_TOO_LARGE)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(
            responseCode = "415",
            description = "A type WhatsApp does not carry (UNSUPPORTED_FILE_TYPE), or a body that is not"
                    + " multipart/form-data",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    MediaView uploadMedia(@RequestPart("file") MultipartFile file) {
        return uploads.upload(file);
    }
}
