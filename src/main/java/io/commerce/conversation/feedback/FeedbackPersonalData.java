package io.commerce.conversation.feedback;

import io.commerce.customer.PersonalDataHolder;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * Delivery ratings and handoffs in the GDPR export. On erasure the customer's own words (comments) and
 * their handoffs go; ratings and reasons stay for analytics, anonymous once the customer row is blanked.
 */
@Component
class FeedbackPersonalData implements PersonalDataHolder {

    private final Feedbacks feedbacks;
    private final Handoffs handoffs;

    FeedbackPersonalData(Feedbacks feedbacks, Handoffs handoffs) {
        this.feedbacks = feedbacks;
        this.handoffs = handoffs;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Object export(String customerId) {
        var export = new LinkedHashMap<String, Object>();
        export.put("ratings", feedbacks.byCustomer(customerId));
        export.put("handoffs", handoffs.byCustomer(customerId));
        return export;
    }

    @Override
    public void erase(String customerId) {
        feedbacks.forgetComments(customerId);
        handoffs.deleteByCustomer(customerId);
    }
}
