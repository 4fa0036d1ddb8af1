package io.commerce.promotion;

import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PromotionController {

    private final PromotionService promotions;

    PromotionController(PromotionService promotions) {
        this.promotions = promotions;
    }

    @PostMapping("/api/v1/discount-codes")
    @ResponseStatus(HttpStatus.CREATED)
    DiscountCodeView issue(@Valid @RequestBody CodeIssue issue) {
        return promotions.issue(issue);
    }

    @GetMapping("/api/v1/discount-codes/{code}")
    DiscountCodeView get(@PathVariable @Size(max = 32) String code) {
        return promotions.get(code);
    }

    @PostMapping("/api/v1/discount-codes/{code}/redemptions")
    ResponseEntity<DiscountCodeView> redeem(
            @PathVariable @Size(max = 32) String code, @Valid @RequestBody Redemption redemption) {
        return promotions.redeem(code, redemption).toResponse();
    }

    @GetMapping("/api/v1/customers/{customerId}/discount-codes")
    List<DiscountCodeView> codesOf(@PathVariable @ShopId String customerId) {
        return promotions.codesOf(customerId);
    }
}
