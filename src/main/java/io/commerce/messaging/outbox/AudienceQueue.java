package io.commerce.messaging.outbox;

import io.commerce.messaging.AudienceSend;
import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.channel.Channels;
import io.commerce.messaging.templates.RenderedTemplate;
import io.commerce.messaging.templates.TemplateCatalogue;
import io.commerce.shared.Audience;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queues one template message to every customer of an audience in a single {@code INSERT … SELECT}: a
 * million rows in seconds where one {@link Outbox#insert} per customer would take many minutes. It writes
 * exactly the rows {@link io.commerce.messaging.MessagingService#send} writes for a template message (same content JSON, SMS
 * text, category, language choice, recipient, time zone, due time),
 * and applies the rules the guardrails' {@code PolicyGate} would refuse on up front: an active customer with a phone,
 * consent on record for the channel and purpose, SMS text for SMS, no WhatsApp marketing where Meta blocks
 * it. The template is rendered once per language with placeholders for the first name and the audience's values,
 * which the database replaces per customer. Rows go in customer order with ascending time-ordered ids, so the primary key and
 * the customer index grow in order instead of on random pages (measured: about a fifth less work).
 */
@Repository
public class AudienceQueue {

    private final JdbcClient jdbc;
    private final MessageColumns columns;
    private final Channels channels;

    AudienceQueue(JdbcClient jdbc, MessageColumns columns, Channels channels) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.channels = channels;
    }

    /**
     * Writes the messages and their status changes; returns how many customers were queued. The renditions carry
     * {@code placeholders} (by parameter: the first name's, and one for each of the audience's values), which the
     * statement replaces with each customer's own.
     */
    public int queue(
            AudienceSend send,
            Audience audience,
            TemplateCatalogue.Renditions renditions,
            Map<String, String> placeholders,
            Instant now) {
        var languages = renditions.languages();
        var category = languages.getFirst().category();
        var blocked = category == MessageCategory.MARKETING
                ? channels.settings(send.channel()).marketingBlockedCountryCodes()
                : List.<String>of();
        var content = "(cast(:q_contents as jsonb[]))[v.i]";
        var sms = "(cast(:q_sms as text[]))[v.i]";
        var values = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        var personal = new LinkedHashMap<String, String>(); // parameter → its SQL per customer
        personal.put(TemplateCatalogue.FIRST_NAME, FIRST_NAME_OR_GREETING);
        audience.values().forEach((param, expression) -> {
            personal.put(param, "p.v" + values.size());
            values.add("(" + expression + ") as v" + values.size());
        });
        var declared = languages.getFirst().params().keySet();
        var n = 0;
        for (var entry : personal.entrySet()) {
            if (declared.contains(entry.getKey())) {
                content = "jsonb_set(%s, cast(:q_path_%d as text[]), to_jsonb(%s))"
                        .formatted(content, n, entry.getValue());
                params.put("q_path_" + n, new String[] {"params", entry.getKey()});
            }
            sms = "replace(%s, :q_placeholder_%d, %s)".formatted(sms, n, entry.getValue());
            params.put("q_placeholder_" + n, placeholders.get(entry.getKey()));
            n++;
        }
        var sql = """
                with queued as (
                    insert into message (id, customer_id, channel, purpose, category, status, recipient, timezone,
                                         language, template_key, content, sms_text, origin, origin_ref, variant,
                                         error_code, error_title, attempts, next_attempt_at, created_at, updated_at)
                    select encode(int8send(cast(:q_id_high as bigint))
                                  || int8send(cast(:q_id_low as bigint) + row_number() over (order by c.id)),
                                  'hex')::uuid,
                           c.id, :q_channel, :q_purpose, :q_category, :q_status, c.phone, c.timezone,
                           (cast(:q_languages as text[]))[v.i], :q_template, %s, %s,
                           :q_origin, :q_origin_ref, :q_variant, :q_error, :q_error_title, 0,
                           greatest(cast(:q_now as timestamptz), cast(:q_not_before as timestamptz)), :q_now, :q_now
                      from customer c
                     cross join lateral (
                           select coalesce(array_position(cast(:q_languages as text[]), cast(c.language as text)),
                                           array_position(cast(:q_languages as text[]), split_part(c.language, '-', 1)),
                                           array_position(cast(:q_languages as text[]), :q_fallback)) as i) v
                     %s
                     where (%s)%s
                       and c.created_at is not null and c.erased_at is null and c.phone is not null
                       and exists (select 1 from consent k
                                    where k.customer_id = c.id and k.channel = :q_channel and k.purpose = :q_purpose
                                      and k.status = 'GRANTED')
                       and (:q_channel <> 'SMS' or (cast(:q_sms as text[]))[v.i] is not null)
                       and not (c.phone like any(cast(:q_blocked as text[])))
                    returning id)
                select count(*) from queued
                """.formatted(
                        content,
                        sms,
                        values.isEmpty() ? "" : "cross join lateral (select " + String.join(", ", values) + ") p",
                        audience.condition(),
                        personal.values().stream()
                                .filter(value -> value.startsWith("p."))
                                .map(value -> " and " + value + " is not null")
                                .collect(Collectors.joining()));
        params.put(
                "q_languages",
                languages.stream().map(RenderedTemplate::language).toArray(String[]::new));
        params.put(
                "q_contents",
                languages.stream()
                        .map(r -> columns.contentJson(new OutboundContent.Template(r.key(), r.params())))
                        .toArray(String[]::new));
        params.put("q_sms", languages.stream().map(RenderedTemplate::smsText).toArray(String[]::new));
        params.put("q_fallback", renditions.fallbackLanguage());
        params.put("q_channel", send.channel().name());
        params.put("q_purpose", send.purpose().name());
        params.put("q_category", category.name());
        params.put("q_template", send.templateKey());
        params.put("q_nameless", TemplateCatalogue.NAMELESS_GREETING);
        params.put("q_origin", send.origin().label());
        params.put("q_origin_ref", send.origin().ref());
        params.put("q_variant", send.variant());
        params.put("q_status", send.heldOut() ? "CANCELLED" : "QUEUED");
        params.put("q_not_before", send.notBefore() == null ? null : Timestamp.from(send.notBefore()));
        params.put("q_error", send.heldOut() ? AudienceSend.CONTROL_GROUP : null);
        params.put("q_error_title", send.heldOut() ? "held out: the campaign's control group" : null);
        params.put("q_blocked", blocked.stream().map(AudienceQueue::startsWith).toArray(String[]::new));
        params.put("q_now", Timestamp.from(now));
        var ids = TimeOrderedIds.from(now);
        params.put("q_id_high", ids.high());
        params.put("q_id_low", ids.low());
        audience.params().forEach((name, value) -> {
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("audience parameter :" + name + " is reserved");
            }
        });
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    /** What {@link TemplateCatalogue#render} fills in: the first name, or a greeting when it is blank. */
    private static final String FIRST_NAME_OR_GREETING = "coalesce(nullif(btrim(c.first_name), ''), :q_nameless)";

    /** A LIKE pattern matching what starts with {@code prefix}, its wildcards escaped. */
    private static String startsWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A value of {@code param} no customer has, replaced by each customer's own. */
    public static String placeholder(String param) {
        return "{{" + param + "-" + UUID.randomUUID() + "}}";
    }
}
