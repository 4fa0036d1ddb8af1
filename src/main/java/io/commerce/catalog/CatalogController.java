package io.commerce.catalog;

import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController {

    /** {@code PUT .../inventory}: the variant's new stock level. */
    record InventoryUpdate(
            @NotNull @PositiveOrZero @Max(100_000_000) Integer quantity) {}

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PutMapping("/api/v1/products/{productId}")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated, or unchanged", useReturnTypeSchema = true)
    ResponseEntity<ProductView> upsertProduct(
            @PathVariable @ShopId String productId, @Valid @RequestBody ProductDetails details) {
        return catalog.upsert(productId, details).toResponse();
    }

    @GetMapping("/api/v1/products/{productId}")
    ProductView getProduct(@PathVariable @ShopId String productId) {
        return catalog.get(productId);
    }

    @PutMapping("/api/v1/products/{productId}/variants/{variantId}/inventory")
    VariantView updateInventory(
            @PathVariable @ShopId String productId,
            @PathVariable @ShopId String variantId,
            @Valid @RequestBody InventoryUpdate update) {
        return catalog.updateInventory(productId, variantId, update.quantity());
    }

    @PostMapping("/api/v1/customers/{customerId}/back-in-stock-subscriptions")
    @ApiResponse(responseCode = "201", description = "Subscribed", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Already subscribed: the active subscription",
            useReturnTypeSchema = true)
    ResponseEntity<BackInStockSubscriptionView> subscribeBackInStock(
            @PathVariable @ShopId String customerId, @Valid @RequestBody BackInStockRequest request) {
        return catalog.subscribe(customerId, request).toResponse();
    }

    @GetMapping("/api/v1/customers/{customerId}/back-in-stock-subscriptions")
    List<BackInStockSubscriptionView> listBackInStockSubscriptions(@PathVariable @ShopId String customerId) {
        return catalog.subscriptions(customerId);
    }
}
