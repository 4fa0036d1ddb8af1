package io.commerce.messaging.links;

import io.commerce.messaging.MessageView;
import io.commerce.messaging.Origin;
import io.commerce.messaging.TrackedLink;
import io.commerce.messaging.channel.ServiceUrl;
import io.commerce.messaging.outbox.MessageRow;
import io.commerce.shared.Channel;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tracked links: as a message goes out, each link it carries becomes {@code {public base}/r/{token}}, one
 * unguessable token per message and link (the same link twice in one message, or in its template and its SMS
 * text, is one token). Tokens are stored before the send and found again when the same message is sent again
 * (a retry, a crash mid-send), so a customer's link never changes meaning.
 */
@Repository
public class TrackedLinks {

    /** Tokens are 12 random bytes: 96 bits, 16 characters in a link. */
    private static final int TOKEN_BYTES = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final LinkProperties properties;
    private final ServiceUrl serviceUrl;
    private final Clock clock;

    TrackedLinks(JdbcClient jdbc, LinkProperties properties, ServiceUrl serviceUrl, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.serviceUrl = serviceUrl;
        this.clock = clock;
    }

    /** The messages as they go out: every link they carry replaced by its tracked link. */
    public List<MessageRow> track(List<MessageRow> rows) {
        if (!properties.tracked()) {
            return rows;
        }
        var prefix = prefix();
        var links = new LinkedHashMap<UUID, Set<String>>();
        for (var row : rows) {
            var found = LinkRewriter.links(row.content(), row.smsText());
            found.removeIf(url -> url.startsWith(prefix));
            if (!found.isEmpty()) {
                links.put(row.id(), found);
            }
        }
        if (links.isEmpty()) {
            return rows;
        }
        var tokens = tokens(links);
        return rows.stream()
                .map(row -> {
                    var mine = tokens.get(row.id());
                    if (mine == null) {
                        return row;
                    }
                    UnaryOperator<String> tracked = url -> mine.containsKey(url) ? prefix + mine.get(url) : url;
                    return row.saying(
                            LinkRewriter.rewrite(row.content(), tracked),
                            LinkRewriter.rewriteText(row.smsText(), tracked));
                })
                .toList();
    }

    /** The links behind these tokens, with their messages' customer, channel and origin; unknown ones absent. */
    public Map<String, TrackedLink> find(Collection<String> tokens) {
        var found = new HashMap<String, TrackedLink>();
        var wanted = tokens.stream().filter(token -> token.length() <= 32).toArray(String[]::new);
        if (wanted.length == 0) {
            return found;
        }
        jdbc.sql("""
                        select l.token, l.url, m.id, m.customer_id, m.channel, m.origin, m.origin_ref, m.template_key,
                               m.variant
                          from tracked_link l join message m on m.id = l.message_id
                         where l.token = any(:tokens)
                        """).param("tokens", wanted).query(rs -> {
            found.put(
                    rs.getString("token"),
                    new TrackedLink(
                            rs.getString("token"),
                            rs.getString("id"),
                            rs.getString("customer_id"),
                            Channel.valueOf(rs.getString("channel")),
                            rs.getString("origin") == null
                                    ? null
                                    : new Origin(rs.getString("origin"), rs.getString("origin_ref")),
                            rs.getString("template_key"),
                            rs.getString("variant"),
                            rs.getString("url")));
        });
        return found;
    }

    /** The links these messages went out with, by message id, in one query. */
    public Map<String, List<MessageView.Link>> of(Collection<String> messageIds) {
        var links = new HashMap<String, List<MessageView.Link>>();
        if (messageIds.isEmpty()) {
            return links;
        }
        var prefix = prefix();
        jdbc.sql(
                        "select message_id, url, token from tracked_link where message_id = any(:ids) order by created_at, url")
                .param("ids", messageIds.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(rs -> {
                    links.computeIfAbsent(rs.getString("message_id"), id -> new ArrayList<>())
                            .add(new MessageView.Link(rs.getString("url"), prefix + rs.getString("token")));
                });
        return links;
    }

    /** The links of the customer's messages go: URLs may carry personal data (a checkout token). */
    public void erase(String customerId) {
        jdbc.sql(
                        "delete from tracked_link where message_id in (select id from message where customer_id = :customerId)")
                .param("customerId", customerId)
                .update();
    }

    /** Where tracked links point: {@code {public base}/r/}. */
    public String prefix() {
        var base =
                properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
                        ? serviceUrl.baseUrl()
                        : properties.publicBaseUrl().strip();
        return (base.endsWith("/") ? base : base + "/") + "r/";
    }

    /**
     * Each message's tokens by URL, in one statement: new ones written, those of an earlier send of the same
     * message (a retry, a crash mid-send) read back instead.
     */
    private Map<UUID, Map<String, String>> tokens(Map<UUID, Set<String>> links) {
        var messageIds = new ArrayList<UUID>();
        var urls = new ArrayList<String>();
        links.forEach((messageId, found) -> found.forEach(url -> {
            messageIds.add(messageId);
            urls.add(url);
        }));
        var tokens = new HashMap<UUID, Map<String, String>>();
        jdbc.sql("""
                        with wanted as (
                            select * from unnest(cast(:tokens as text[]), cast(:ids as uuid[]), cast(:urls as text[]))
                                       as w(token, message_id, url)),
                        written as (
                            insert into tracked_link (token, message_id, url, created_at)
                            select token, message_id, url, :now from wanted
                            on conflict (message_id, url) do nothing
                            returning message_id, url, token)
                        select message_id, url, token from written
                        union all
                        select l.message_id, l.url, l.token
                          from tracked_link l join wanted w on w.message_id = l.message_id and w.url = l.url
                        """)
                .param("tokens", urls.stream().map(url -> newToken()).toArray(String[]::new))
                .param("ids", messageIds.toArray(UUID[]::new))
                .param("urls", urls.toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query(rs -> {
                    tokens.computeIfAbsent(rs.getObject("message_id", UUID.class), id -> new HashMap<>())
                            .put(rs.getString("url"), rs.getString("token"));
                });
        return tokens;
    }

    private static String newToken() {
        var bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
