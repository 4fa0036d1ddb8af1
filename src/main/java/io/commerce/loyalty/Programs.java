package io.commerce.loyalty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one programme definition, stored as JSON; the defaults until the shop sets one. Every balance read needs it,
 * so it is kept parsed for a few seconds: a change made here is seen at once, one made on another instance within
 * {@link #KEPT}.
 */
@Repository
class Programs {

    static final Duration KEPT = Duration.ofSeconds(5);

    private record Kept(LoyaltyProgram program, long readAtNanos) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile @Nullable Kept kept;

    Programs(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    LoyaltyProgram current() {
        var now = System.nanoTime();
        var last = kept;
        if (last != null && now - last.readAtNanos() < KEPT.toNanos()) {
            return last.program();
        }
        var program = jdbc.sql("select definition from loyalty_program where id = 1")
                .query(String.class)
                .optional()
                .map(definition -> json.readValue(definition, LoyaltyProgram.class))
                .orElseGet(Programs::defaults);
        kept = new Kept(program, now);
        return program;
    }

    /** @return whether a programme was stored before */
    boolean save(LoyaltyProgram program, Instant at) {
        var existed = jdbc.sql("select exists (select 1 from loyalty_program)")
                .query(Boolean.class)
                .single();
        jdbc.sql("""
                        insert into loyalty_program (id, definition, updated_at) values (1, cast(:definition as jsonb), :at)
                        on conflict (id) do update set definition = excluded.definition, updated_at = excluded.updated_at
                        """)
                .param("definition", json.writeValueAsString(program))
                .param("at", Timestamp.from(at))
                .update();
        kept = null;
        return existed;
    }

    static LoyaltyProgram defaults() {
        return new LoyaltyProgram(null, null, null, null, null, null, null, null, null);
    }
}
