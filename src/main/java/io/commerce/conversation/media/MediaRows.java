package io.commerce.conversation.media;

import io.commerce.shared.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media} table: files recorded, downloads claimed and settled, retention and erasure. */
@Repository
class MediaRows {

    private final JdbcClient jdbc;

    MediaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a customer's file to download now; the same inbound message twice keeps the first row's id. */
    String insertInbound(
            String id,
            Channel channel,
            UUID conversationId,
            @Nullable String customerId,
            long inboundId,
            String providerMediaId,
            @Nullable String mimeType,
            @Nullable String filename,
            Instant now) {
        jdbc.sql("""
                        insert into media (id, direction, channel, conversation_id, customer_id, inbound_id,
                                           provider_media_id, mime_type, filename, status, next_attempt_at,
                                           created_at)
                        values (:id, 'INBOUND', :channel, :conversation, :customer, :inbound, :provider, :mime,
                                :filename, 'PENDING', :now, :now)
                        on conflict (inbound_id) do nothing
                        """)
                .param("id", id)
                .param("channel", channel.name())
                .param("conversation", conversationId)
                .param("customer", customerId)
                .param("inbound", inboundId)
                .param("provider", providerMediaId)
                .param("mime", mimeType)
                .param("filename", filename == null || filename.length() <= 255 ? filename : filename.substring(0, 255))
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select id from media where inbound_id = :inbound")
                .param("inbound", inboundId)
                .query(String.class)
                .single();
    }

    /** Records a file an agent uploaded, already in the folder. */
    void insertOutbound(String id, String mimeType, long size, String sha256, @Nullable String filename, Instant now) {
        jdbc.sql("""
                        insert into media (id, direction, mime_type, size, sha256, filename, status, created_at,
                                           stored_at)
                        values (:id, 'OUTBOUND', :mime, :size, :sha, :filename, 'STORED', :now, :now)
                        """)
                .param("id", id)
                .param("mime", mimeType)
                .param("size", size)
                .param("sha", sha256)
                .param("filename", filename)
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<MediaRow> find(String id) {
        return jdbc.sql("select * from media where id = :id")
                .param("id", id)
                .query(MediaRows::row)
                .optional();
    }

    /**
     * Claims up to {@code limit} due downloads for this instance (others skip them), counting the attempt and
     * reserving them for {@code lease}: a download cut short by a crash is due again once the lease ends.
     */
    List<MediaRow> claimDue(Instant now, java.time.Duration lease, int limit) {
        return jdbc.sql("""
                        update media set attempts = attempts + 1, next_attempt_at = :leaseEnd
                        where id in (select id from media
                                     where status = 'PENDING' and next_attempt_at <= :now
                                     order by next_attempt_at
                                     limit :limit
                                     for update skip locked)
                        returning *
                        """)
                .param("now", Timestamp.from(now))
                .param("leaseEnd", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query(MediaRows::row)
                .list();
    }

    void stored(String id, String mimeType, long size, String sha256, Instant now) {
        jdbc.sql("""
                        update media set status = 'STORED', mime_type = :mime, size = :size, sha256 = :sha,
                                         stored_at = :now, next_attempt_at = null, failure = null
                        where id = :id and status = 'PENDING'
                        """)
                .param("id", id)
                .param("mime", mimeType)
                .param("size", size)
                .param("sha", sha256)
                .param("now", Timestamp.from(now))
                .update();
    }

    void retryAt(String id, Instant at, String failure) {
        jdbc.sql("update media set next_attempt_at = :at, failure = :failure where id = :id and status = 'PENDING'")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("failure", truncate(failure))
                .update();
    }

    void failed(String id, @Nullable String mimeType, @Nullable Long size, String failure) {
        jdbc.sql("""
                        update media set status = 'FAILED', next_attempt_at = null, failure = :failure,
                                         mime_type = coalesce(:mime, mime_type), size = coalesce(:size, size)
                        where id = :id and status = 'PENDING'
                        """)
                .param("id", id)
                .param("mime", mimeType)
                .param("size", size)
                .param("failure", truncate(failure))
                .update();
    }

    void uploaded(String id, String providerMediaId, Instant at) {
        jdbc.sql("update media set provider_media_id = :provider, provider_uploaded_at = :at where id = :id")
                .param("id", id)
                .param("provider", providerMediaId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Stored files that arrived before {@code cutoff}, oldest first, at most {@code limit}. */
    List<String> storedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        select id from media where status = 'STORED' and created_at < :cutoff
                        order by created_at limit :limit
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    void deleted(String id) {
        jdbc.sql("update media set status = 'DELETED', next_attempt_at = null where id = :id")
                .param("id", id)
                .update();
    }

    List<MediaRow> byCustomer(String customerId) {
        return jdbc.sql("select * from media where customer_id = :customer order by created_at")
                .param("customer", customerId)
                .query(MediaRows::row)
                .list();
    }

    void deleteByCustomer(String customerId) {
        jdbc.sql("delete from media where customer_id = :customer")
                .param("customer", customerId)
                .update();
    }

    private static String truncate(String text) {
        return text.length() <= 512 ? text : text.substring(0, 512);
    }

    private static MediaRow row(ResultSet rs, int n) throws SQLException {
        var channel = rs.getString("channel");
        var uploaded = rs.getTimestamp("provider_uploaded_at");
        return new MediaRow(
                rs.getString("id"),
                rs.getString("direction"),
                channel == null ? null : Channel.valueOf(channel),
                rs.getObject("conversation_id", UUID.class),
                rs.getString("customer_id"),
                rs.getString("provider_media_id"),
                uploaded == null ? null : uploaded.toInstant(),
                rs.getString("mime_type"),
                rs.getObject("size", Long.class),
                rs.getString("sha256"),
                rs.getString("filename"),
                MediaStatus.valueOf(rs.getString("status")),
                rs.getString("failure"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
