package io.commerce.cart;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CartRepository extends JpaRepository<Cart, String> {

    @Query("select c from Cart c where c.customerId = :customerId order by c.id")
    List<Cart> findByCustomer(String customerId);
}
