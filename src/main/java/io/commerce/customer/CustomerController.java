package io.commerce.customer;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.ShopId;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated, or unchanged", useReturnTypeSchema = true)
    ResponseEntity<CustomerProfile> upsertCustomer(
            @PathVariable @ShopId String customerId, @Valid @RequestBody CustomerDetails details) {
        return customers.upsert(customerId, details).toResponse();
    }

    @GetMapping("/{customerId}")
    CustomerProfile getCustomer(@PathVariable @ShopId String customerId) {
        return customers.get(customerId);
    }

    @GetMapping
    Paged<CustomerProfile> listCustomers(
            @RequestParam(required = false) @Size(max = 64) String tag, @Valid PageRequest page) {
        return customers.list(tag, page);
    }

    @GetMapping("/{customerId}/export")
    Map<String, Object> exportCustomer(@PathVariable @ShopId String customerId) {
        return customers.export(customerId);
    }

    @DeleteMapping("/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void eraseCustomer(@PathVariable @ShopId String customerId) {
        customers.erase(customerId);
    }
}
