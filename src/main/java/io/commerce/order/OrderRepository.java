package io.commerce.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrderRepository extends JpaRepository<Order, String> {

    @Query("select o from Order o where o.customerId = :customerId order by o.placedAt, o.id")
    List<Order> findByCustomer(String customerId);
}
