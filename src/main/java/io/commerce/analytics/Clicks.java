package io.commerce.analytics;

import io.commerce.messaging.Origin;
import io.commerce.messaging.TrackedLink;
import io.commerce.shared.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clicks on tracked links: every request kept (robots marked); the first by a person makes a unique clicker. */
@Repository
class Clicks {

    private final JdbcClient jdbc;

    Clicks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request for a tracked link, by a person or a robot, at a time. */
    record Click(TrackedLink link, boolean robot, Instant at) {}

    /**
     * Records requests for links in one statement, a transaction of its own: the clicks, each message's first click
     * by a person ({@code message_touch}) and the people's clicks added to the funnel in place ({@code
     * performance_tally}, per UTC hour and dimensions, in the dimensions' order so that two instances' writers never
     * wait for each other in a circle; ADR 0024). Answers, for each, whether it is its message's first click by a
     * person (the first of several in the batch, when the message had none before).
     */
    List<Boolean> record(List<Click> clicks) {
        if (clicks.isEmpty()) {
            return List.of();
        }
        var firsts = new ArrayList<Boolean>();
        var dimensions =
                clicks.stream().map(click -> Dimensions.of(click.link())).toList();
        jdbc.sql("""
                        with c as (
                            select * from unnest(cast(:tokens as text[]), cast(:messageIds as uuid[]),
                                                 cast(:customers as text[]), cast(:channels as text[]),
                                                 cast(:ats as timestamptz[]), cast(:robots as boolean[]),
                                                 cast(:origins as text[]), cast(:originRefs as text[]),
                                                 cast(:templates as text[]), cast(:variants as text[]),
                                                 cast(:sources as text[]), cast(:campaigns as text[]),
                                                 cast(:journeys as text[]), cast(:steps as text[]),
                                                 cast(:dimensionTemplates as text[]), cast(:arms as text[]))
                                   with ordinality as c(token, message_id, customer_id, channel, at, robot, origin,
                                                        origin_ref, template_key, variant, source, campaign_id,
                                                        journey, step, dimension_template, arm, n)),
                        first as (
                            insert into message_touch (message_id, kind, at)
                            select message_id, 'CLICKED', min(at) from c where not robot group by message_id
                            on conflict do nothing
                            returning message_id),
                        flagged as (
                            select c.*, (not c.robot and f.message_id is not null
                                         and c.n = min(c.n) filter (where not c.robot)
                                                   over (partition by c.message_id)) as first
                              from c left join first f on f.message_id = c.message_id),
                        written as (
                            insert into link_click (token, message_id, customer_id, channel, clicked_at, robot, first,
                                                    origin, origin_ref, template_key, variant)
                            select token, message_id, customer_id, channel, at, robot, first, origin, origin_ref,
                                   template_key, variant
                              from flagged),
                        tallied as (
                            insert into performance_tally as t (hour, source, campaign_id, journey, step, template_key,
                                                                channel, variant, clicked, unique_clickers)
                            select date_trunc('hour', at, 'UTC'), source, campaign_id, journey, step,
                                   dimension_template, channel, arm, count(*), count(*) filter (where first)
                              from flagged where not robot
                             group by 1, 2, 3, 4, 5, 6, 7, 8
                             order by 1, 2, 3, 4, 5, 6, 7, 8
                            on conflict (hour, source, campaign_id, journey, step, template_key, channel, variant)
                            do update set clicked = t.clicked + excluded.clicked,
                                          unique_clickers = t.unique_clickers + excluded.unique_clickers)
                        select first from flagged order by n
                        """)
                .param("tokens", clicks.stream().map(c -> c.link().token()).toArray(String[]::new))
                .param(
                        "messageIds",
                        clicks.stream()
                                .map(c -> UUID.fromString(c.link().messageId()))
                                .toArray(UUID[]::new))
                .param(
                        "customers",
                        clicks.stream().map(c -> c.link().customerId()).toArray(String[]::new))
                .param(
                        "channels",
                        clicks.stream().map(c -> c.link().channel().name()).toArray(String[]::new))
                .param("ats", clicks.stream().map(c -> Timestamp.from(c.at())).toArray(Timestamp[]::new))
                .param("robots", clicks.stream().map(Click::robot).toArray(Boolean[]::new))
                .param(
                        "origins",
                        clicks.stream()
                                .map(c -> c.link().origin() == null
                                        ? null
                                        : c.link().origin().label())
                                .toArray(String[]::new))
                .param(
                        "originRefs",
                        clicks.stream()
                                .map(c -> c.link().origin() == null
                                        ? null
                                        : c.link().origin().ref())
                                .toArray(String[]::new))
                .param(
                        "templates",
                        clicks.stream().map(c -> c.link().templateKey()).toArray(String[]::new))
                .param("variants", clicks.stream().map(c -> c.link().variant()).toArray(String[]::new))
                .param("sources", dimensions.stream().map(Dimensions::source).toArray(String[]::new))
                .param(
                        "campaigns",
                        dimensions.stream().map(Dimensions::campaignId).toArray(String[]::new))
                .param("journeys", dimensions.stream().map(Dimensions::journey).toArray(String[]::new))
                .param("steps", dimensions.stream().map(Dimensions::step).toArray(String[]::new))
                .param(
                        "dimensionTemplates",
                        dimensions.stream().map(Dimensions::templateKey).toArray(String[]::new))
                .param("arms", dimensions.stream().map(Dimensions::variant).toArray(String[]::new))
                .query(rs -> {
                    firsts.add(rs.getBoolean("first"));
                });
        return firsts;
    }

    /** The messages the customer clicked (a person's clicks) from {@code from} to {@code to}, the latest first. */
    List<Touch> clicksBetween(String customerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select message_id, channel, clicked_at, origin, origin_ref, template_key, variant from link_click
                         where customer_id = :customerId and not robot and clicked_at >= :from and clicked_at <= :to
                         order by clicked_at desc limit 20
                        """)
                .param("customerId", customerId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> {
                    var channel = Channel.valueOf(rs.getString("channel"));
                    var origin = rs.getString("origin") == null
                            ? null
                            : new Origin(rs.getString("origin"), rs.getString("origin_ref"));
                    return new Touch(
                            rs.getString("message_id"),
                            channel,
                            rs.getTimestamp("clicked_at").toInstant(),
                            Dimensions.of(origin, rs.getString("template_key"), channel, rs.getString("variant")));
                })
                .list();
    }

    /** The customer's clicks are no longer theirs. */
    void erase(String customerId) {
        jdbc.sql("update link_click set customer_id = null where customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }
}
