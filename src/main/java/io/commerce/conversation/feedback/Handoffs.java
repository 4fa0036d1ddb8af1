package io.commerce.conversation.feedback;

import io.commerce.conversation.FeedbackReason;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.UriUtils;

/** The handoff table: conversations flagged for a human agent, open until an agent closes them. */
@Repository
class Handoffs {

    private final JdbcClient jdbc;

    Handoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID open(String customerId, String orderId, int rating, FeedbackReason reason, UUID conversationId, Instant now) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into handoff (id, customer_id, order_id, rating, reason, status, created_at,
                                             conversation_id)
                        values (:id, :customer, :order, :rating, :reason, 'OPEN', :now, :conversation)
                        """)
                .param("conversation", conversationId)
                .param("id", id)
                .param("customer", customerId)
                .param("order", orderId)
                .param("rating", rating)
                .param("reason", reason == null ? null : reason.name())
                .param("now", Timestamp.from(now))
                .update();
        return id;
    }

    /** Newest first; every handoff when {@code status} is null. */
    List<HandoffView> list(HandoffStatus status, long offset, int limit) {
        return jdbc.sql("""
                        select * from handoff where (cast(:status as varchar) is null or status = :status)
                         order by created_at desc, id limit :limit offset :offset
                        """)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    long count(HandoffStatus status) {
        return jdbc.sql("select count(*) from handoff where (cast(:status as varchar) is null or status = :status)")
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    Optional<HandoffView> find(UUID id) {
        return jdbc.sql("select * from handoff where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Closes an open handoff; empty when there is no open handoff with this id. */
    Optional<HandoffView> close(UUID id, Instant now) {
        return jdbc.sql("""
                        update handoff set status = 'CLOSED', closed_at = :now
                         where id = :id and status = 'OPEN'
                        returning *
                        """)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Closes the open handoffs of a conversation (it was resolved). */
    void closeByConversation(UUID conversationId, Instant now) {
        jdbc.sql(
                        "update handoff set status = 'CLOSED', closed_at = :now where conversation_id = :id and status = 'OPEN'")
                .param("now", Timestamp.from(now))
                .param("id", conversationId)
                .update();
    }

    List<HandoffView> byCustomer(String customerId) {
        return jdbc.sql("select * from handoff where customer_id = :customer order by created_at, id")
                .param("customer", customerId)
                .query(this::map)
                .list();
    }

    void deleteByCustomer(String customerId) {
        jdbc.sql("delete from handoff where customer_id = :customer")
                .param("customer", customerId)
                .update();
    }

    private HandoffView map(ResultSet rs, int row) throws SQLException {
        var customerId = rs.getString("customer_id");
        var reason = rs.getString("reason");
        var closedAt = rs.getTimestamp("closed_at");
        var conversationId = rs.getObject("conversation_id", UUID.class);
        return new HandoffView(
                rs.getObject("id", UUID.class).toString(),
                customerId,
                rs.getString("order_id"),
                rs.getInt("rating"),
                reason == null ? null : FeedbackReason.valueOf(reason),
                HandoffStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                closedAt == null ? null : closedAt.toInstant(),
                "/api/v1/customers/" + UriUtils.encodePathSegment(customerId, StandardCharsets.UTF_8) + "/conversation",
                conversationId == null ? null : conversationId.toString());
    }
}
