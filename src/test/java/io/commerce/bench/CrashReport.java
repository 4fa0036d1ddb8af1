package io.commerce.bench;

import java.io.PrintStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link CrashCheck} found: every queued message's sends as the stand-in accepted them, the fate of their
 * status webhooks, the service's own record of each message and the kills; lost and duplicated sends, and each
 * duplicate's cause as far as these tell it.
 */
final class CrashReport {

    /** The service's record of a message. */
    record Stored(String status, int attempts, String errorCode) {}

    private record Send(String wamid, long at) {}

    private record Hook(String status, long firstTry, long answeredAt) {}

    private final List<String> ids;
    private final Map<String, List<Send>> sends = new HashMap<>();
    private final Map<String, List<Hook>> hooksByWamid = new HashMap<>();
    private final Map<String, Stored> stored;
    private final List<CrashCheck.Kill> kills;

    CrashReport(List<String> ids, String standInLog, Map<String, Stored> stored, List<CrashCheck.Kill> kills) {
        this.ids = ids;
        this.stored = stored;
        this.kills = kills;
        standInLog.lines().map(line -> line.split(" ")).forEach(f -> {
            if (f[0].equals("send")) {
                sends.computeIfAbsent(f[1], id -> new ArrayList<>()).add(new Send(f[2], Long.parseLong(f[3])));
            } else if (f[0].equals("hook")) {
                hooksByWamid
                        .computeIfAbsent(f[2], wamid -> new ArrayList<>())
                        .add(new Hook(f[3], Long.parseLong(f[4]), Long.parseLong(f[5])));
            }
        });
        sends.values().forEach(list -> list.sort((a, b) -> Long.compare(a.at(), b.at())));
    }

    static Map<String, Stored> readMessages(String jdbcUrl, List<String> ids) throws SQLException {
        var wanted = new HashSet<>(ids);
        var rows = new HashMap<String, Stored>();
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                var statement = connection.createStatement();
                var rs = statement.executeQuery("select id, status, attempts, error_code from message")) {
            while (rs.next()) {
                if (wanted.contains(rs.getString(1))) {
                    rows.put(rs.getString(1), new Stored(rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    void print(PrintStream out, String durability) {
        var accepted = sends.values().stream().mapToLong(List::size).sum();
        var lost = ids.stream().filter(id -> !sends.containsKey(id)).toList();
        var duplicated = ids.stream()
                .filter(id -> sends.getOrDefault(id, List.of()).size() > 1)
                .toList();
        var causes = new TreeMap<String, Integer>();
        duplicated.forEach(id -> {
            var list = sends.get(id);
            for (int i = 1; i < list.size(); i++) {
                causes.merge(cause(list.subList(0, i), list.get(i)), 1, Integer::sum);
            }
        });
        var fewerAttemptsThanSends = duplicated.stream()
                .filter(id -> stored.containsKey(id)
                        && stored.get(id).attempts() < sends.get(id).size())
                .count();
        var statuses = new TreeMap<String, Integer>();
        ids.forEach(
                id -> statuses.merge(stored.containsKey(id) ? stored.get(id).status() : "MISSING", 1, Integer::sum));
        var errorCodes = new TreeMap<String, Integer>();
        ids.stream()
                .map(stored::get)
                .filter(row -> row != null && row.errorCode() != null)
                .forEach(row -> errorCodes.merge(row.errorCode(), 1, Integer::sum));

        out.printf("%nCrash check result (PostgreSQL: %s)%n", durability);
        out.printf("  messages queued                        %6d%n", ids.size());
        out.printf("  sends accepted by the stand-in         %6d%n", accepted);
        out.printf("  LOST (never accepted)                  %6d%n", lost.size());
        out.printf(
                "  DUPLICATED (accepted more than once)   %6d  (extra sends: %d)%n",
                duplicated.size(), accepted - (ids.size() - lost.size()));
        causes.forEach((cause, count) -> out.printf("      %6d  %s%n", count, cause));
        if (!duplicated.isEmpty()) {
            out.printf(
                    "      (%d of them show fewer attempts in the service's database than sends: a claim the database lost)%n",
                    fewerAttemptsThanSends);
        }
        inFlight(out);
        out.printf("  webhooks the stand-in gave up on: %d%n", gaveUp());
        out.printf("  final statuses in the service: %s%n", statuses);
        out.printf("  error codes left on messages: %s%n", errorCodes.isEmpty() ? "none" : errorCodes);
        lost.stream().limit(10).forEach(id -> out.printf("  lost: %s %s%n", id, stored.get(id)));
        out.println();
    }

    /**
     * Why a message was sent again after {@code earlier}: the service had answered a status webhook about an
     * earlier send (then the database lost it), or the sweep re-queued it after the sending timeout (no status
     * had come: ADR 0006's window), or it was claimed again before the timeout (the database lost the claim or
     * the recorded send), or it was retried at once with no crash in between.
     */
    private String cause(List<Send> earlier, Send again) {
        var previous = earlier.getLast();
        var answered = earlier.stream()
                .flatMap(send -> hooksByWamid.getOrDefault(send.wamid(), List.of()).stream())
                .anyMatch(hook -> hook.answeredAt() > 0 && hook.answeredAt() < again.at());
        var postgresKilled = killedBetween(previous.at(), again.at(), true);
        if (answered) {
            return postgresKilled
                    ? "a status webhook the service had answered 2xx was lost with the database (PostgreSQL killed)"
                    : "sent again although the service had answered a status webhook about it (unexplained)";
        }
        if (again.at() - previous.at() >= CrashCheck.SENDING_TIMEOUT.toMillis() - 2_000) {
            var gaveUp = hooksByWamid.getOrDefault(previous.wamid(), List.of()).stream()
                    .anyMatch(hook -> hook.answeredAt() < 0);
            return "re-queued by the sending-timeout sweep: no status webhook about the send reached the service"
                    + (gaveUp ? " (the stand-in gave up on it while the service was down)" : "");
        }
        if (postgresKilled) {
            return "claimed again before the sending timeout: the claim or the recorded send was lost with the"
                    + " database (PostgreSQL killed)";
        }
        return killedBetween(previous.at(), again.at(), false)
                ? "claimed again before the sending timeout across a JVM-only kill (unexplained)"
                : "sent again at once, without a crash (a retry after no answer)";
    }

    private boolean killedBetween(long from, long to, boolean postgresOnly) {
        return kills.stream()
                .anyMatch(kill -> kill.at() >= from
                        && kill.at() <= to
                        && (!postgresOnly || kill.kind().equals("jvm+pg")));
    }

    /**
     * Per kill, the messages the service had in {@code sending} just before it: how many the stand-in had
     * accepted (their outcome unknown to the service), how many of those were then settled by a status webhook
     * with no second send, and how many went twice.
     */
    private void inFlight(PrintStream out) {
        for (int k = 0; k < kills.size(); k++) {
            var kill = kills.get(k);
            var acceptedBefore = kill.inFlight().stream()
                    .filter(id -> sends.getOrDefault(id, List.of()).stream().anyMatch(send -> send.at() <= kill.at()))
                    .toList();
            var once = acceptedBefore.stream()
                    .filter(id -> sends.get(id).size() == 1)
                    .count();
            out.printf(
                    "  kill %d (%s): %d messages in 'sending'; %d of them accepted by the stand-in before the kill:"
                            + " %d settled by their status webhooks with no second send, %d sent twice%n",
                    k + 1,
                    kill.kind(),
                    kill.inFlight().size(),
                    acceptedBefore.size(),
                    once,
                    acceptedBefore.size() - once);
        }
    }

    private long gaveUp() {
        return hooksByWamid.values().stream()
                .flatMap(List::stream)
                .filter(hook -> hook.answeredAt() < 0)
                .count();
    }
}
