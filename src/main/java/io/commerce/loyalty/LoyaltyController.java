package io.commerce.loyalty;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class LoyaltyController {

    /** {@code POST .../loyalty/redemptions}: the reward to redeem. */
    record RedemptionRequest(@NotBlank @Size(max = 64) String rewardId) {}

    private final LoyaltyService loyalty;

    LoyaltyController(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/loyalty/program")
    LoyaltyProgram getLoyaltyProgram() {
        return loyalty.program();
    }

    @PutMapping("/loyalty/program")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Replaced", useReturnTypeSchema = true)
    ResponseEntity<LoyaltyProgram> putLoyaltyProgram(@Valid @RequestBody LoyaltyProgram program) {
        return loyalty.setProgram(program).toResponse();
    }

    /** Credits past delivered orders (a programme's start, or a gap); answers what it added. */
    @PostMapping("/loyalty/backfill")
    BackfillResult backfillLoyalty(@Valid @RequestBody BackfillRequest request) {
        return loyalty.backfill(request.deliveredSince());
    }

    @GetMapping("/customers/{customerId}/loyalty")
    LoyaltyView getLoyalty(@PathVariable @ShopId String customerId) {
        return loyalty.standing(customerId);
    }

    @GetMapping("/customers/{customerId}/loyalty/ledger")
    Paged<LedgerEntry> getLoyaltyLedger(@PathVariable @ShopId String customerId, @Valid PageRequest page) {
        return loyalty.ledger(customerId, page);
    }

    @PostMapping("/customers/{customerId}/loyalty/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    LedgerEntry adjustPoints(@PathVariable @ShopId String customerId, @Valid @RequestBody Adjustment adjustment) {
        return loyalty.adjust(customerId, adjustment);
    }

    @PostMapping("/customers/{customerId}/loyalty/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    RedemptionView redeemReward(
            @PathVariable @ShopId String customerId, @Valid @RequestBody RedemptionRequest redemption) {
        return loyalty.redeem(customerId, redemption.rewardId());
    }

    @PostMapping("/customers/{customerId}/loyalty/reviews")
    @ApiResponse(responseCode = "201", description = "Rewarded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Rewarded before", useReturnTypeSchema = true)
    ResponseEntity<LedgerEntry> rewardReview(
            @PathVariable @ShopId String customerId, @Valid @RequestBody ReviewBonus review) {
        return loyalty.rewardReview(customerId, review).toResponse();
    }

    @PutMapping("/customers/{customerId}/loyalty/referrer")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Unchanged", useReturnTypeSchema = true)
    ResponseEntity<LoyaltyView> setReferrer(
            @PathVariable @ShopId String customerId, @Valid @RequestBody Referral referral) {
        return loyalty.setReferrer(customerId, referral).toResponse();
    }
}
