package io.commerce.cart;

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
@RequestMapping("/api/v1/carts")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    @PutMapping("/{cartId}")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated, or unchanged", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", ref = "#/components/responses/UnprocessableContent")
    ResponseEntity<CartView> upsertCart(@PathVariable @ShopId String cartId, @Valid @RequestBody CartDetails details) {
        return carts.upsert(cartId, details).toResponse();
    }

    @GetMapping("/{cartId}")
    CartView getCart(@PathVariable @ShopId String cartId) {
        return carts.get(cartId);
    }
}
