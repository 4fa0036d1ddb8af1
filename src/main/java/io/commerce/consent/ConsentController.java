package io.commerce.consent;

import io.commerce.shared.Channel;
import io.commerce.shared.Purpose;
import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/consents")
class ConsentController {

    private final ConsentService consents;

    ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @PutMapping("/{channel}/{purpose}")
    @ApiResponse(
            responseCode = "201",
            description = "The first state recorded for this channel and purpose",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "A new state appended to the ledger, or the same state again (unchanged)",
            useReturnTypeSchema = true)
    ResponseEntity<ConsentRecord> recordConsent(
            @PathVariable @ShopId String customerId,
            @PathVariable Channel channel,
            @PathVariable Purpose purpose,
            @Valid @RequestBody ConsentChange change) {
        return consents.record(customerId, channel, purpose, change).toResponse();
    }

    @GetMapping
    Consents getConsents(@PathVariable @ShopId String customerId) {
        return consents.consents(customerId);
    }
}
