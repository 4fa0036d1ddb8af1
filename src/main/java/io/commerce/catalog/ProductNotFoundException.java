package io.commerce.catalog;

import io.commerce.shared.CommerceException;

/** No product, or no variant of it, with this id. */
public class ProductNotFoundException extends CommerceException {

    ProductNotFoundException(String productId) {
        super(Kind.NOT_FOUND, "PRODUCT_NOT_FOUND", "product '%s' does not exist".formatted(productId));
    }

    ProductNotFoundException(String productId, String variantId) {
        super(Kind.NOT_FOUND, "VARIANT_NOT_FOUND", "product '%s' has no variant '%s'".formatted(productId, variantId));
    }
}
