package io.commerce.conversation;

import io.commerce.conversation.store.Conversations;
import io.commerce.customer.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * Conversations in the GDPR export (their state, labels and ratings; the messages themselves are in
 * messaging's section); erasure deletes the customer's conversations with their lines and notes.
 */
@Component
class ConversationPersonalData implements PersonalDataHolder {

    private final Conversations conversations;

    ConversationPersonalData(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public String section() {
        return "conversations";
    }

    @Override
    public Object export(String customerId) {
        return conversations.byCustomer(customerId).stream()
                .map(ConversationSummary::of)
                .toList();
    }

    @Override
    public void erase(String customerId) {
        conversations.deleteByCustomer(customerId);
    }
}
