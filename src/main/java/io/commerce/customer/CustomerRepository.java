package io.commerce.customer;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findFirstByPhoneAndErasedAtIsNullOrderByUpdatedAtDesc(String phone);

    @Query("select c from Customer c where c.erasedAt is null and c.createdAt is not null")
    Page<Customer> findActive(Pageable pageable);

    @Query(
            value = "select * from customer where erased_at is null and :tag = any(tags)",
            countQuery = "select count(*) from customer where erased_at is null and :tag = any(tags)",
            nativeQuery = true)
    Page<Customer> findActiveByTag(String tag, Pageable pageable);
}
