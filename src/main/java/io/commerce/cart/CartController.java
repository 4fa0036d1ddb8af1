package io.commerce.cart;

import io.commerce.shared.ShopId;
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
    ResponseEntity<CartView> upsert(@PathVariable @ShopId String cartId, @Valid @RequestBody CartDetails details) {
        return carts.upsert(cartId, details).toResponse();
    }

    @GetMapping("/{cartId}")
    CartView get(@PathVariable @ShopId String cartId) {
        return carts.get(cartId);
    }
}
