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
class FaqController {

    private final Faqs faqs;

    FaqController(Faqs faqs) {
        this.faqs = faqs;
    }

    /** Creates or replaces an FAQ entry; customers' messages match it from the next message on. */
    @PutMapping("/api/v1/faq/{faqId}")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Replaced", useReturnTypeSchema = true)
    ResponseEntity<FaqView> upsertFaqEntry(@PathVariable @ShopId String faqId, @Valid @RequestBody FaqDetails details) {
        return faqs.put(faqId, details).toResponse();
    }

    @GetMapping("/api/v1/faq/{faqId}")
    FaqView getFaqEntry(@PathVariable @ShopId String faqId) {
        return faqs.get(faqId);
    }

    /** Every FAQ entry, by id. */
    @GetMapping("/api/v1/faq")
    List<FaqView> listFaqEntries() {
        return faqs.list();
    }

    @DeleteMapping("/api/v1/faq/{faqId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFaqEntry(@PathVariable @ShopId String faqId) {
        faqs.delete(faqId);
    }
}
