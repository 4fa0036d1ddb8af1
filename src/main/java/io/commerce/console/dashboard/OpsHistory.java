package io.commerce.console.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code ops_sample}: what each instance's meters read every few seconds, and the charts drawn from it. */
@Repository
class OpsHistory {

    /** One point of the charts: a bucket's counters summed over its samples and instances, its gauges' largest reading. */
    record Point(
            Instant at,
            double sentPerSecond,
            long sent,
            long sendFailures,
            long webhooks,
            @Nullable Double webhookP99Ms,
            long queueDepth,
            long oldestDueSeconds,
            long stepsDue,
            long openConversations,
            long waitingConversations) {}

    private final JdbcClient jdbc;

    OpsHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Instant at, String instance, double seconds, OpsMeters.Reading delta) {
        jdbc.sql("""
                        insert into ops_sample (at, instance, seconds, sent, send_failures, webhooks, webhook_p99_ms,
                                                queue_depth, oldest_due_seconds, steps_due, open_conversations,
                                                waiting_conversations, oldest_waiting_seconds)
                        values (:at, :instance, :seconds, :sent, :failures, :webhooks, :p99, :depth, :oldest, :due,
                                :open, :waiting, :oldestWaiting)
                        on conflict do nothing
                        """)
                .param("at", Timestamp.from(at))
                .param("instance", instance)
                .param("seconds", seconds)
                .param("sent", delta.sent())
                .param("failures", delta.sendFailures())
                .param("webhooks", delta.webhooks())
                .param("p99", delta.webhookP99Ms())
                .param("depth", delta.queueDepth())
                .param("oldest", delta.oldestDueSeconds())
                .param("due", delta.stepsDue())
                .param("open", delta.openConversations())
                .param("waiting", delta.waitingConversations())
                .param("oldestWaiting", delta.oldestWaitingSeconds())
                .update();
    }

    /**
     * The points from {@code since} to {@code now}, one per {@code bucket}, oldest first (buckets without samples
     * left out; a sample stamped later than now, by an instance whose clock runs ahead, waits until it is due).
     */
    List<Point> points(Instant since, Instant now, Duration bucket) {
        return jdbc.sql("""
                        select to_timestamp(floor(extract(epoch from at) / :bucket) * :bucket) as bucket,
                               sum(sent) as sent, sum(send_failures) as failures, sum(webhooks) as webhooks,
                               max(webhook_p99_ms) as p99, max(queue_depth) as depth,
                               max(oldest_due_seconds) as oldest, max(steps_due) as due,
                               max(open_conversations) as open, max(waiting_conversations) as waiting
                          from ops_sample
                         where at >= :since and at <= :now
                         group by 1
                         order by 1
                        """)
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .param("bucket", bucket.toSeconds())
                .query((rs, row) -> new Point(
                        rs.getTimestamp("bucket").toInstant(),
                        rs.getLong("sent") / (double) bucket.toSeconds(),
                        rs.getLong("sent"),
                        rs.getLong("failures"),
                        rs.getLong("webhooks"),
                        rs.getObject("p99", Double.class),
                        rs.getLong("depth"),
                        rs.getLong("oldest"),
                        rs.getLong("due"),
                        rs.getLong("open"),
                        rs.getLong("waiting")))
                .list();
    }

    /** Failed messages by the provider's error code, among those created since. */
    List<FailureCount> failuresByCode(Instant since) {
        return jdbc.sql("""
                        select coalesce(error_code, 'none') as code, max(error_title) as title, count(*) as failed
                          from message
                         where status = 'FAILED' and created_at >= :since
                         group by 1
                         order by 3 desc
                         limit 10
                        """)
                .param("since", Timestamp.from(since))
                .query((rs, row) -> new FailureCount(rs.getString("code"), rs.getString("title"), rs.getLong("failed")))
                .list();
    }

    record FailureCount(String code, @Nullable String title, long failed) {}

    void forgetBefore(Instant before) {
        jdbc.sql("delete from ops_sample where at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
