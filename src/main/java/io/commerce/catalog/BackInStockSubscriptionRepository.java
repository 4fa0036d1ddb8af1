package io.commerce.catalog;

import io.commerce.shared.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BackInStockSubscriptionRepository extends JpaRepository<BackInStockSubscription, Long> {

    @Query(
            "select s from BackInStockSubscription s where s.customerId = :customerId and s.productId = :productId"
                    + " and s.variantId = :variantId and s.channel = :channel and s.status = io.commerce.catalog.SubscriptionStatus.ACTIVE")
    Optional<BackInStockSubscription> findActive(
            String customerId, String productId, String variantId, Channel channel);

    List<BackInStockSubscription> findByCustomerIdOrderById(String customerId);

    @Query("select s from BackInStockSubscription s where s.productId = :productId and s.variantId = :variantId"
            + " and s.status = io.commerce.catalog.SubscriptionStatus.ACTIVE order by s.id")
    List<BackInStockSubscription> findActiveOfVariant(String productId, String variantId);

    /** One conditional update: of two racing alerts for one subscription only one marks it. */
    @Modifying
    @Query("update BackInStockSubscription s set s.status = io.commerce.catalog.SubscriptionStatus.NOTIFIED"
            + " where s.id = :id and s.status = io.commerce.catalog.SubscriptionStatus.ACTIVE")
    int markNotified(long id);

    @Modifying
    @Query("delete from BackInStockSubscription s where s.customerId = :customerId")
    void deleteByCustomerId(String customerId);
}
