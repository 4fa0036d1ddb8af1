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

    @Modifying
    @Query("delete from BackInStockSubscription s where s.customerId = :customerId")
    void deleteByCustomerId(String customerId);
}
