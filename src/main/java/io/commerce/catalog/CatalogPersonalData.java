package io.commerce.catalog;

import io.commerce.customer.PersonalDataHolder;
import org.springframework.stereotype.Component;

/** Back-in-stock subscriptions in the GDPR export; erased with the customer. */
@Component
class CatalogPersonalData implements PersonalDataHolder {

    private final BackInStockSubscriptionRepository subscriptions;

    CatalogPersonalData(BackInStockSubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String section() {
        return "backInStockSubscriptions";
    }

    @Override
    public Object export(String customerId) {
        return subscriptions.findByCustomerIdOrderById(customerId).stream()
                .map(BackInStockSubscription::view)
                .toList();
    }

    @Override
    public void erase(String customerId) {
        subscriptions.deleteByCustomerId(customerId);
    }
}
