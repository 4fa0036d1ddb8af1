package io.commerce.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that took PostgreSQL's time, from {@code pg_stat_statements} when the server loads it;
 * prints nothing otherwise.
 */
final class Statements {

    private Statements() {}

    static void reset(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).optional();
        } catch (RuntimeException e) {
            System.out.println("(no pg_stat_statements: "
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    static void printTop(JdbcClient jdbc, int limit) {
        try {
            System.out.println("  statements by total time (calls, total ms, mean ms):");
            jdbc.sql("""
                            select calls, round(total_exec_time::numeric, 0) total, round(mean_exec_time::numeric, 3) mean,
                                   left(regexp_replace(query, '\\s+', ' ', 'g'), 110) q
                              from pg_stat_statements order by total_exec_time desc limit :limit
                            """).param("limit", limit).query(rs -> {
                System.out.printf(
                        "  %8d %8s %8s  %s%n",
                        rs.getLong("calls"), rs.getString("total"), rs.getString("mean"), rs.getString("q"));
            });
        } catch (RuntimeException e) {
            System.out.println("  (pg_stat_statements unavailable)");
        }
    }
}
