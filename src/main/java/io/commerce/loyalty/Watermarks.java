package io.commerce.loyalty;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far each job has looked. A job's run locks its row, so one instance at a time works a period, and moves it
 * in the same transaction as the work: a period is worked once (a crash works it again, and the ledger's unique
 * references keep that from doubling anything). A job's first run starts from now: it does not work the past.
 */
@Repository
class Watermarks {

    private final JdbcClient jdbc;

    Watermarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Works the period since the job last looked, up to {@code now}; call in a transaction. */
    void advance(String job, Instant now, BiConsumer<Instant, Instant> work) {
        jdbc.sql("insert into loyalty_watermark (job, through) values (:job, :now) on conflict (job) do nothing")
                .param("job", job)
                .param("now", Timestamp.from(now))
                .update();
        var through = jdbc.sql("select through from loyalty_watermark where job = :job for update")
                .param("job", job)
                .query(Timestamp.class)
                .single()
                .toInstant();
        if (!now.isAfter(through)) {
            return;
        }
        work.accept(through, now);
        jdbc.sql("update loyalty_watermark set through = :now where job = :job")
                .param("job", job)
                .param("now", Timestamp.from(now))
                .update();
    }
}
