package io.commerce.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Raw webhook deliveries: every signed delivery is kept, with when it was processed or why it failed. */
@Repository
class WebhookDeliveries {

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void processed(String provider, String payload) {
        store(provider, payload, true, null);
    }

    void failed(String provider, String payload, String error) {
        store(provider, payload, false, error);
    }

    private void store(String provider, String payload, boolean processed, String error) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("insert into webhook_delivery (provider, received_at, payload, processed_at, error)"
                        + " values (:provider, :now, :payload, :processed, :error)")
                .param("provider", provider)
                .param("now", now)
                .param("payload", payload)
                .param("processed", processed ? now : null)
                .param("error", error)
                .update();
    }
}
