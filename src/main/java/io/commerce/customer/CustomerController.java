package io.commerce.customer;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PutMapping("/{customerId}")
    ResponseEntity<CustomerProfile> upsert(
            @PathVariable @ShopId String customerId, @Valid @RequestBody CustomerDetails details) {
        return customers.upsert(customerId, details).toResponse();
    }

    @GetMapping("/{customerId}")
    CustomerProfile get(@PathVariable @ShopId String customerId) {
        return customers.get(customerId);
    }

    @GetMapping
    Paged<CustomerProfile> list(@RequestParam(required = false) @Size(max = 64) String tag, @Valid PageRequest page) {
        return customers.list(tag, page);
    }

    @GetMapping("/{customerId}/export")
    Map<String, Object> export(@PathVariable @ShopId String customerId) {
        return customers.export(customerId);
    }

    @DeleteMapping("/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable @ShopId String customerId) {
        customers.erase(customerId);
    }
}
