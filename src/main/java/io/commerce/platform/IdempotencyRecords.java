package io.commerce.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The table behind {@code Idempotency-Key}: a key is claimed by inserting its row before the request
 * runs, so two concurrent requests with one key cannot both run; the first response is stored on the
 * row and replayed afterwards.
 */
@Component
class IdempotencyRecords {

    /** A stored key: its request fingerprint and, once the first request finished, its response. */
    record IdempotencyRecord(String fingerprint, Instant lockedAt, Integer status, String contentType, byte[] body) {
        boolean completed() {
            return status != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyRecords(JdbcClient jdbc, Clock clock, ApiProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.idempotencyRetention();
    }

    /** Claims the key for a new request; false when a live row for it already exists. */
    boolean claim(String client, String key, String fingerprint) {
        var now = clock.instant();
        return jdbc.sql("""
                        insert into idempotency_record (client, idempotency_key, fingerprint, locked_at)
                        values (:client, :key, :fingerprint, :now)
                        on conflict (client, idempotency_key) do update
                           set fingerprint = excluded.fingerprint, locked_at = excluded.locked_at,
                               status = null, content_type = null, body = null
                         where idempotency_record.locked_at < :expired
                        """)
                        .param("client", client)
                        .param("key", key)
                        .param("fingerprint", fingerprint)
                        .param("now", Timestamp.from(now))
                        .param("expired", Timestamp.from(now.minus(retention)))
                        .update()
                == 1;
    }

    /** Takes over a claim whose request never finished (a crash), if no one else did first. */
    boolean reclaim(String client, String key, Instant staleLockedAt) {
        return jdbc.sql("""
                        update idempotency_record set locked_at = :now
                         where client = :client and idempotency_key = :key
                           and status is null and locked_at = :stale
                        """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("client", client)
                        .param("key", key)
                        .param("stale", Timestamp.from(staleLockedAt))
                        .update()
                == 1;
    }

    Optional<IdempotencyRecord> find(String client, String key) {
        return jdbc.sql("""
                        select fingerprint, locked_at, status, content_type, body from idempotency_record
                         where client = :client and idempotency_key = :key
                        """)
                .param("client", client)
                .param("key", key)
                .query((rs, row) -> new IdempotencyRecord(
                        rs.getString("fingerprint"),
                        rs.getTimestamp("locked_at").toInstant(),
                        (Integer) rs.getObject("status"),
                        rs.getString("content_type"),
                        rs.getBytes("body")))
                .optional();
    }

    void complete(String client, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        update idempotency_record set status = :status, content_type = :contentType, body = :body
                         where client = :client and idempotency_key = :key
                        """)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .param("client", client)
                .param("key", key)
                .update();
    }

    /** Frees the key after a failure of ours (5xx), so that the client's retry runs again. */
    void release(String client, String key) {
        jdbc.sql("delete from idempotency_record where client = :client and idempotency_key = :key and status is null")
                .param("client", client)
                .param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.sql("delete from idempotency_record where locked_at < :expired")
                .param("expired", Timestamp.from(clock.instant().minus(retention)))
                .update();
    }
}
