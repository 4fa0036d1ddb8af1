package io.commerce.promotion;

import io.commerce.customer.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * Discount codes in the GDPR export. On erasure they stay: they hold nothing personal beyond the customer
 * id, which is anonymous once the customer row is blanked, and redemptions are bookkeeping.
 */
@Component
class PromotionPersonalData implements PersonalDataHolder {

    private final DiscountCodes codes;

    PromotionPersonalData(DiscountCodes codes) {
        this.codes = codes;
    }

    @Override
    public String section() {
        return "discountCodes";
    }

    @Override
    public Object export(String customerId) {
        return codes.ofCustomer(customerId);
    }

    @Override
    public void erase(String customerId) {
        // nothing personal to remove
    }
}
