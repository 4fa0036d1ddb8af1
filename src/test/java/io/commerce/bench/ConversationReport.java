package io.commerce.bench;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link ConversationBenchmark}'s measured messages became, read from the database once the router is
 * done: the webhook's latency, per conversation whether the bot answered or it went to the agents' queue, and
 * the delay from each webhook's 200 to the bot's answer's row in the outbox.
 */
final class ConversationReport {

    private final JdbcClient jdbc;
    private final int first;
    private final int count;
    private final FixedRateLoad.Outcome outcome;
    private final long drained;

    ConversationReport(JdbcClient jdbc, int first, int count, FixedRateLoad.Outcome outcome, long drained) {
        this.jdbc = jdbc;
        this.first = first;
        this.count = count;
        this.outcome = outcome;
        this.drained = drained;
    }

    void print(int rate, int seconds) {
        var lines = new long[count];
        var queued = new boolean[count];
        var botAt = new long[count];
        jdbc.sql("""
                        select c.phone, c.queued_at is not null as queued,
                               (select count(*) from conversation_message l
                                 where l.conversation_id = c.id and l.author = 'CUSTOMER') as lines,
                               (select (extract(epoch from min(m.created_at)) * 1000)::bigint from message m
                                 where m.origin = 'conversation/bot' and m.origin_ref = c.id::text) as bot_at
                          from conversation c where c.phone between :low and :high
                        """)
                .param("low", ServiceDeskSeed.phone(first))
                .param("high", ServiceDeskSeed.phone(first + count - 1))
                .query(rs -> {
                    var i = Integer.parseInt(rs.getString("phone").substring(4)) - first;
                    lines[i] += rs.getLong("lines");
                    queued[i] |= rs.getBoolean("queued");
                    var at = rs.getLong("bot_at");
                    botAt[i] = rs.wasNull() ? botAt[i] : at;
                });
        long answered = 0, toQueue = 0, silent = 0, lost = 0, unexpected = 0;
        var answerDelays = LongStream.builder();
        var ackDelays = LongStream.builder();
        for (int i = 0; i < count; i++) {
            var g = first + i;
            var automatic = g % 6 < 3;
            if (lines[i] == 0) {
                lost++;
            } else if (queued[i]) {
                toQueue++;
                if (botAt[i] != 0) {
                    ackDelays.add(botAt[i] - outcome.answeredAtMillis()[i]);
                }
            } else if (botAt[i] != 0) {
                answered++;
                answerDelays.add(botAt[i] - outcome.answeredAtMillis()[i]);
            } else {
                silent++;
            }
            if (lines[i] > 0 && automatic == queued[i]) {
                unexpected++;
            }
        }
        var latency = outcome.latencyMicros().clone();
        var answers = answerDelays.build().toArray();
        var acks = ackDelays.build().toArray();
        var lastAnswer = Arrays.stream(outcome.answeredAtMillis()).max().orElse(0);
        System.out.printf(
                """

                Conversations: %d signed inbound WhatsApp messages, %d/s for %d s (sent in %.1f s), each from another contact
                  webhook: %d answered 200, %d other, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms
                  routed: %d answered by the bot, %d to the agents' queue, %d silent, %d lost (no conversation line); %d not as expected
                  webhook 200 -> automatic answer queued (%d): p50 %d ms, p99 %d ms, max %d ms
                  webhook 200 -> queue acknowledgement queued (%d): p50 %d ms, p99 %d ms, max %d ms
                  router done %.1f s after the last webhook's 200%n
                """,
                count,
                rate,
                seconds,
                outcome.seconds(),
                outcome.count(200),
                count - outcome.count(200),
                FixedRateLoad.percentile(latency, 50) / 1000.0,
                FixedRateLoad.percentile(latency, 99) / 1000.0,
                FixedRateLoad.percentile(latency, 100) / 1000.0,
                answered,
                toQueue,
                silent,
                lost,
                unexpected,
                answers.length,
                FixedRateLoad.percentile(answers, 50),
                FixedRateLoad.percentile(answers, 99),
                FixedRateLoad.percentile(answers, 100),
                acks.length,
                FixedRateLoad.percentile(acks, 50),
                FixedRateLoad.percentile(acks, 99),
                FixedRateLoad.percentile(acks, 100),
                (drained - lastAnswer) / 1000.0);
        printWebhookBySlice(rate);
        Statements.printTop(jdbc, 12);
    }

    /** The webhook's p99 in each 5-second slice of the measured phase: whether a backlog built, when, and drained. */
    private void printWebhookBySlice(int rate) {
        var slice = rate * 5;
        var line = new StringBuilder("  webhook p99 by 5 s slice (ms):");
        for (int from = 0; from < count; from += slice) {
            var part = Arrays.copyOfRange(outcome.latencyMicros(), from, Math.min(count, from + slice));
            line.append(' ').append(FixedRateLoad.percentile(part, 99) / 1000);
        }
        System.out.println(line);
    }
}
