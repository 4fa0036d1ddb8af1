package io.commerce.order;

import io.commerce.customer.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * Orders in the GDPR export. On erasure orders stay, as bookkeeping requires: they hold no contact data,
 * only the customer's id, which is anonymous once the customer row is blanked.
 */
@Component
class OrderPersonalData implements PersonalDataHolder {

    private final OrderRepository orders;

    OrderPersonalData(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public String section() {
        return "orders";
    }

    @Override
    public Object export(String customerId) {
        return orders.findByCustomer(customerId).stream().map(Order::view).toList();
    }

    @Override
    public void erase(String customerId) {
        // nothing personal beyond the customer id, which the customer module anonymises
    }
}
