package io.commerce.order;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, String> {

    @Query("select o from Order o where o.customerId = :customerId order by o.placedAt, o.id")
    List<Order> findByCustomer(String customerId);

    @Query("select o.status from Order o where o.id = :orderId")
    Optional<OrderStatus> findStatus(String orderId);
}
