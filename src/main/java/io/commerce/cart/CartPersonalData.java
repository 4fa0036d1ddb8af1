package io.commerce.cart;

import io.commerce.customer.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** Carts in the GDPR export; a customer's carts are deleted on erasure (they are not business records). */
@Component
class CartPersonalData implements PersonalDataHolder {

    private final CartRepository carts;

    CartPersonalData(CartRepository carts) {
        this.carts = carts;
    }

    @Override
    public String section() {
        return "carts";
    }

    @Override
    public Object export(String customerId) {
        return carts.findByCustomer(customerId).stream().map(Cart::view).toList();
    }

    @Override
    public void erase(String customerId) {
        carts.findByCustomer(customerId).forEach(carts::delete);
    }
}
