package io.commerce.messaging.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Raw webhook deliveries: every signed delivery is kept, with when it was processed or why it failed. */
@Repository
class WebhookDeliveries {

    /** A delivery's provider and payload as received. */
    record Raw(String provider, String payload) {}

    private static final String INSERT =
            "insert into webhook_delivery (provider, received_at, payload, processed_at, error) values (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps processed deliveries, in one batched statement. */
    void processed(List<Raw> raws) {
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(
                INSERT,
                raws.stream()
                        .map(raw -> new Object[] {raw.provider(), now, raw.payload(), now, null})
                        .toList());
    }

    void failed(String provider, String payload, String error) {
        jdbc.update(INSERT, provider, Timestamp.from(clock.instant()), payload, null, error);
    }
}
