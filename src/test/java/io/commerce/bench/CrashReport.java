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
    record Stored(String status, int attempts, String errorCode, String providerMessageId) {}

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
                var rs = statement.executeQuery(
                        "select id, status, attempts, error_code, provider_message_id from message")) {
            while (rs.next()) {
                if (wanted.contains(rs.getString(1))) {
                    rows.put(
                            rs.getString(1),
                            new Stored(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
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
                causes.merge(cause(id, list.subList(0, i), list.get(i)), 1, Integer::sum);
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
     * Why a message was sent again after {@code earlier}. With a kill in between, what the database held for it
     * at the kill tells: a recorded send (the provider's id of an earlier send) that the restart no longer had
     * was lost with the database; a message still {@code sending} was in flight, and no status webhook reached
     * the service before the sweep re-queued it (ADR 0006's window); a status webhook the service had already
     * answered was lost with the database. Without a kill: the sweep (after the sending timeout) or a retry at
     * once.
     */
    private String cause(String id, List<Send> earlier, Send again) {
        var previous = earlier.getLast();
        var earlierWamids = earlier.stream().map(Send::wamid).toList();
        var answered = earlierWamids.stream()
                .flatMap(wamid -> hooksByWamid.getOrDefault(wamid, List.of()).stream())
                .filter(hook -> hook.answeredAt() > 0 && hook.answeredAt() < again.at())
                .mapToLong(Hook::answeredAt)
                .min();
        var kill = kills.stream()
                .filter(k -> k.at() >= previous.at() && k.at() <= again.at())
                .reduce((a, b) -> b);
        if (kill.isEmpty()) {
            return answered.isPresent()
                    ? "sent again without a crash although the service had answered a status webhook (unexplained)"
                    : again.at() - previous.at() >= CrashCheck.SENDING_TIMEOUT.toMillis() - 2_000
                            ? "sent again without a crash: re-queued by the sweep, no status webhook had come"
                            : "sent again at once without a crash (a retry after no answer)";
        }
        var postgres = kill.get().kind().equals("jvm+pg");
        var atKill = kill.get().atKill().get(id);
        if (atKill != null && earlierWamids.contains(atKill.providerMessageId())) {
            return postgres
                    ? "recorded as sent before the kill, the record lost with the database (PostgreSQL killed)"
                    : "recorded as sent before a JVM-only kill, sent again (unexplained)";
        }
        if (answered.isPresent() && answered.getAsLong() < kill.get().at()) {
            return postgres
                    ? "a status webhook the service had answered 2xx before the kill was lost with the database"
                    : "a status webhook was answered before a JVM-only kill, sent again (unexplained)";
        }
        if (atKill != null && atKill.status().equals("SENDING")) {
            var gaveUp = hooksByWamid.getOrDefault(previous.wamid(), List.of()).stream()
                    .anyMatch(hook -> hook.answeredAt() < 0);
            return "in flight at the kill (accepted, not yet recorded); no status webhook reached the service"
                    + " before the sweep re-queued it"
                    + (gaveUp ? " (the stand-in gave up on the webhooks while the service was down)" : "");
        }
        return "claimed again after the kill though not in 'sending' at it (" + atKill + "): the claim was lost"
                + (postgres ? " with the database" : " (unexplained)");
    }

    /**
     * Per kill, the messages the service had in {@code sending} at it: how many the stand-in had
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
                    "  kill %d (%s): %d messages in 'sending' at the kill; %d of them accepted by the stand-in before the kill:"
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
