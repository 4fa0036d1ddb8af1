package io.commerce.catalog;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProductRepository extends JpaRepository<Product, String> {

    /** Which of the given "productId/variantId" keys name an existing variant (ids hold no slash). */
    @Query(
            value =
                    "select product_id || '/' || variant_id from variant where product_id || '/' || variant_id in (:keys)",
            nativeQuery = true)
    List<String> existingVariantKeys(Collection<String> keys);
}
