package io.commerce.bench;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that took PostgreSQL's time, from {@code pg_stat_statements} when the server loads it;
 * prints nothing otherwise.
 */
public final class Statements {

    private Statements() {}

    public static void reset(JdbcClient jdbc) {
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).optional();
            jdbc.sql("select pg_stat_reset()").query(Object.class).optional();
            jdbc.sql("select pg_stat_reset_shared('wal')").query(Object.class).optional();
        } catch (RuntimeException e) {
            System.out.println("(no pg_stat_statements: "
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public static void printTop(JdbcClient jdbc, int limit) {
        try {
            jdbc.sql("""
                            select sum(calls) calls, round(sum(total_exec_time)::numeric, 0) exec,
                                   (select xact_commit + xact_rollback from pg_stat_database
                                     where datname = current_database()) transactions,
                                   (select wal_records from pg_stat_wal) wal_records,
                                   (select wal_fpi from pg_stat_wal) wal_fpi,
                                   (select wal_bytes / 1048576 from pg_stat_wal) wal_mib
                              from pg_stat_statements
                            """).query(rs -> {
                System.out.printf(
                        "  all statements: %d calls, %s ms executing; %d transactions;"
                                + " WAL: %d records, %d full pages, %d MiB%n",
                        rs.getLong("calls"),
                        rs.getString("exec"),
                        rs.getLong("transactions"),
                        rs.getLong("wal_records"),
                        rs.getLong("wal_fpi"),
                        rs.getLong("wal_mib"));
            });
            var tables = new StringBuilder("  rows written (inserted/updated/of which HOT/deleted):");
            jdbc.sql("""
                            select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables
                             where n_tup_ins + n_tup_upd + n_tup_del > 0 order by n_tup_ins + n_tup_upd + n_tup_del desc
                            """).query(rs -> {
                tables.append("%n    %s %d/%d/%d/%d"
                        .formatted(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            });
            System.out.println(tables);
            for (var order : List.of("total_exec_time", "calls")) {
                System.out.println("  statements by " + order.replace('_', ' ') + " (calls, total ms, mean ms):");
                jdbc.sql("""
                                select calls, round(total_exec_time::numeric, 0) total, round(mean_exec_time::numeric, 3) mean,
                                       left(regexp_replace(query, '\\s+', ' ', 'g'), 110) q
                                  from pg_stat_statements order by %s desc limit :limit
                                """.formatted(order)).param("limit", limit).query(rs -> {
                    System.out.printf(
                            "  %8d %8s %8s  %s%n",
                            rs.getLong("calls"), rs.getString("total"), rs.getString("mean"), rs.getString("q"));
                });
            }
        } catch (RuntimeException e) {
            System.out.println("  (pg_stat_statements unavailable)");
        }
    }
}
