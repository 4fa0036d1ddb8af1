package io.commerce.catalog;

/** A product as a message names it: its title, its page and whether any variant is in stock. */
public record ProductSummary(String productId, String title, String url, boolean inStock) {

    /** Worth suggesting to a customer: it can be bought now and has a page to link to. */
    public boolean recommendable() {
        return inStock && url != null;
    }
}
