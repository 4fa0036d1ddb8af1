package io.commerce.conversation.answers;

import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CannedResponseController {

    private final CannedResponses responses;

    CannedResponseController(CannedResponses responses) {
        this.responses = responses;
    }

    /** Creates or replaces a canned response; an unknown placeholder in braces is a 400. */
    @PutMapping("/api/v1/canned-responses/{key}")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Replaced", useReturnTypeSchema = true)
    ResponseEntity<CannedResponseView> upsertCannedResponse(
            @PathVariable @ShopId String key, @Valid @RequestBody CannedResponseDetails details) {
        return responses.put(key, details).toResponse();
    }

    @GetMapping("/api/v1/canned-responses/{key}")
    CannedResponseView getCannedResponse(@PathVariable @ShopId String key) {
        return responses.get(key);
    }

    /** Every canned response, by key. */
    @GetMapping("/api/v1/canned-responses")
    List<CannedResponseView> listCannedResponses() {
        return responses.list();
    }

    @DeleteMapping("/api/v1/canned-responses/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCannedResponse(@PathVariable @ShopId String key) {
        responses.delete(key);
    }
}
