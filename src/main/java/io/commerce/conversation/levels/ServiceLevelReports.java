package io.commerce.conversation.levels;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Computes {@link ServiceLevelReport}s in one grouped query over the conversation table. */
@Repository
class ServiceLevelReports {

    private final JdbcClient jdbc;

    ServiceLevelReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    ServiceLevelReport report(Instant from, Instant to) {
        var rows = jdbc.sql("""
                        select assignee, grouping(assignee) as overall, count(*) as conversations,
                               count(resolved_at) as resolved,
                               count(first_response_seconds) as responses,
                               avg(first_response_seconds) as response_avg,
                               percentile_cont(0.5) within group (order by first_response_seconds) as response_p50,
                               percentile_cont(0.9) within group (order by first_response_seconds) as response_p90,
                               count(resolution_seconds) as resolutions,
                               avg(resolution_seconds) as resolution_avg,
                               percentile_cont(0.5) within group (order by resolution_seconds) as resolution_p50,
                               percentile_cont(0.9) within group (order by resolution_seconds) as resolution_p90,
                               count(csat_rating) as ratings, avg(csat_rating) as rating_avg,
                               count(*) filter (where csat_rating = 1) as r1, count(*) filter (where csat_rating = 2) as r2,
                               count(*) filter (where csat_rating = 3) as r3, count(*) filter (where csat_rating = 4) as r4,
                               count(*) filter (where csat_rating = 5) as r5
                          from conversation where opened_at >= :from and opened_at < :to
                         group by grouping sets ((), (assignee))
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Grouped(rs.getString("assignee"), rs.getBoolean("overall"), levels(rs)))
                .list();
        var overall = rows.stream()
                .filter(Grouped::overall)
                .findFirst()
                .map(Grouped::levels)
                .orElseGet(ServiceLevelReports::none);
        List<ServiceLevelReport.AgentLevels> agents = rows.stream()
                .filter(row -> !row.overall() && row.agentId() != null)
                .map(row -> new ServiceLevelReport.AgentLevels(row.agentId(), row.levels()))
                .sorted(java.util.Comparator.comparing(ServiceLevelReport.AgentLevels::agentId))
                .toList();
        return new ServiceLevelReport(from, to, overall, agents);
    }

    private record Grouped(String agentId, boolean overall, ServiceLevelReport.Levels levels) {}

    private static ServiceLevelReport.Levels levels(ResultSet rs) throws SQLException {
        var distribution = new LinkedHashMap<String, Long>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(Integer.toString(rating), rs.getLong("r" + rating));
        }
        return new ServiceLevelReport.Levels(
                rs.getLong("conversations"),
                rs.getLong("resolved"),
                times(rs, rs.getLong("responses"), "response"),
                times(rs, rs.getLong("resolutions"), "resolution"),
                rs.getLong("ratings"),
                rs.getObject("rating_avg") == null ? null : rs.getDouble("rating_avg"),
                distribution);
    }

    private static ServiceLevelReport.Times times(ResultSet rs, long count, String prefix) throws SQLException {
        return new ServiceLevelReport.Times(
                count, seconds(rs, prefix + "_avg"), seconds(rs, prefix + "_p50"), seconds(rs, prefix + "_p90"));
    }

    private static Long seconds(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column);
        return value == null ? null : Math.round(((Number) value).doubleValue());
    }

    private static ServiceLevelReport.Levels none() {
        var distribution = new LinkedHashMap<String, Long>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(Integer.toString(rating), 0L);
        }
        var empty = new ServiceLevelReport.Times(0, null, null, null);
        return new ServiceLevelReport.Levels(0, 0, empty, empty, 0, null, distribution);
    }
}
