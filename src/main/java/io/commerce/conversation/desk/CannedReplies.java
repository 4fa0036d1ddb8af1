package io.commerce.conversation.desk;

import io.commerce.conversation.answers.CannedResponses;
import io.commerce.conversation.routing.BotTexts;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.customer.CustomerProfile;
import io.commerce.customer.CustomerService;
import io.commerce.order.OrderService;
import io.commerce.order.OrderView;
import java.util.HashMap;
import org.springframework.stereotype.Component;

/**
 * A canned response as the customer of a conversation reads it: in their language, with their first name
 * and their latest order's number.
 */
@Component
class CannedReplies {

    private final CannedResponses responses;
    private final CustomerService customers;
    private final OrderService orders;

    CannedReplies(CannedResponses responses, CustomerService customers, OrderService orders) {
        this.responses = responses;
        this.customers = customers;
        this.orders = orders;
    }

    String render(String key, ConversationRow conversation) {
        var values = new HashMap<String, String>();
        customers
                .find(conversation.customerId())
                .map(CustomerProfile::firstName)
                .ifPresent(name -> values.put("firstName", name));
        orders.recentOrders(conversation.customerId(), 1).stream()
                .findFirst()
                .map(OrderView::orderId)
                .ifPresent(order -> values.put("lastOrderNumber", order));
        return responses.render(key, BotTexts.locale(conversation.language()), values);
    }
}
