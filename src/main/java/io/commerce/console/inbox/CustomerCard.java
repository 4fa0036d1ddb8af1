package io.commerce.console.inbox;

import io.commerce.consent.ConsentRecord;
import io.commerce.customer.CustomerProfile;
import io.commerce.journey.TimelineEntry;
import io.commerce.loyalty.LoyaltyView;
import io.commerce.order.OrderView;
import io.commerce.promotion.DiscountCodeView;
import java.util.List;

/** Who the customer is, beside the conversation: profile, consents, loyalty, recent orders, codes and journeys. */
record CustomerCard(
        CustomerProfile profile,
        List<ConsentRecord> consents,
        List<OrderView> orders,
        List<DiscountCodeView> codes,
        List<TimelineEntry> journeys,
        LoyaltyView loyalty) {

    public String name() {
        return nameOf(profile);
    }

    /** First and last name, else the phone number. */
    static String nameOf(CustomerProfile profile) {
        var first = profile.firstName() == null ? "" : profile.firstName();
        var last = profile.lastName() == null ? "" : profile.lastName();
        var name = (first + " " + last).strip();
        return name.isEmpty() ? profile.phone() : name;
    }
}
