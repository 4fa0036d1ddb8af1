package io.commerce.promotion;

import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    DiscountCodeView issueDiscountCode(@Valid @RequestBody CodeIssue issue) {
        return promotions.issue(issue);
    }

    @GetMapping("/api/v1/discount-codes/{code}")
    DiscountCodeView getDiscountCode(@PathVariable @Size(max = 32) String code) {
        return promotions.get(code);
    }

    @PostMapping("/api/v1/discount-codes/{code}/redemptions")
    @ApiResponse(responseCode = "201", description = "Redeemed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Redeemed already, on this same order", useReturnTypeSchema = true)
    ResponseEntity<DiscountCodeView> redeemDiscountCode(
            @PathVariable @Size(max = 32) String code, @Valid @RequestBody Redemption redemption) {
        return promotions.redeem(code, redemption).toResponse();
    }

    @GetMapping("/api/v1/customers/{customerId}/discount-codes")
    List<DiscountCodeView> listDiscountCodes(@PathVariable @ShopId String customerId) {
        return promotions.codesOf(customerId);
    }
}
