package io.commerce.analytics;

import io.commerce.customer.PersonalDataHolder;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clicks and attributed orders in the GDPR export; on erasure they stay, without the customer's id, so the
 * figures they made do not change.
 */
@Component
class AnalyticsPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final Clicks clicks;
    private final Attributions attributions;

    AnalyticsPersonalData(JdbcClient jdbc, Clicks clicks, Attributions attributions) {
        this.jdbc = jdbc;
        this.clicks = clicks;
        this.attributions = attributions;
    }

    @Override
    public String section() {
        return "analytics";
    }

    @Override
    public Object export(String customerId) {
        return Map.of(
                "clicks",
                jdbc.sql("""
                                select message_id, clicked_at from link_click
                                 where customer_id = :customerId and not robot order by clicked_at
                                """)
                        .param("customerId", customerId)
                        .query((rs, n) -> Map.of(
                                "messageId", rs.getString("message_id"),
                                "clickedAt", rs.getTimestamp("clicked_at").toInstant()))
                        .list(),
                "attributedOrders",
                jdbc.sql("select order_id, message_id, touch from order_attribution where customer_id = :customerId")
                        .param("customerId", customerId)
                        .query((rs, n) -> Map.of(
                                "orderId", rs.getString("order_id"),
                                "messageId", rs.getString("message_id"),
                                "touch", rs.getString("touch").toLowerCase(java.util.Locale.ROOT)))
                        .list());
    }

    @Override
    public void erase(String customerId) {
        clicks.erase(customerId);
        attributions.erase(customerId);
    }
}
