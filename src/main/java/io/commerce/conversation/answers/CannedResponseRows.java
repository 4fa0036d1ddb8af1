package io.commerce.conversation.answers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes canned responses in {@code canned_response} and {@code canned_response_text}. */
@Repository
class CannedResponseRows {

    private final JdbcClient jdbc;

    CannedResponseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the response's texts; true when the response is new. */
    boolean upsert(String key, Map<String, String> texts, Instant now) {
        boolean created = jdbc.sql("""
                        insert into canned_response (key, created_at, updated_at) values (:key, :now, :now)
                        on conflict (key) do update set updated_at = excluded.updated_at
                        returning (xmax = 0) as created
                        """)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
        jdbc.sql("delete from canned_response_text where response_key = :key")
                .param("key", key)
                .update();
        texts.forEach((language, text) -> jdbc.sql("""
                        insert into canned_response_text (response_key, language, text)
                        values (:key, :language, :text)
                        """)
                .param("key", key)
                .param("language", language)
                .param("text", text)
                .update());
        return created;
    }

    boolean delete(String key) {
        return jdbc.sql("delete from canned_response where key = :key")
                        .param("key", key)
                        .update()
                == 1;
    }

    /** Every response (or the one with this key when not null), by key. */
    List<CannedResponseView> views(String key) {
        var params = key == null ? Map.<String, Object>of() : Map.<String, Object>of("key", key);
        var heads = new LinkedHashMap<String, Instant[]>();
        jdbc.sql("select key, created_at, updated_at from canned_response" + (key == null ? "" : " where key = :key")
                        + " order by key")
                .params(params)
                .query(rs -> {
                    heads.put(rs.getString("key"), new Instant[] {
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()
                    });
                });
        var texts = new LinkedHashMap<String, Map<String, String>>();
        jdbc.sql("select response_key, language, text from canned_response_text"
                        + (key == null ? "" : " where response_key = :key"))
                .params(params)
                .query(rs -> {
                    texts.computeIfAbsent(rs.getString("response_key"), k -> new TreeMap<>())
                            .put(rs.getString("language"), rs.getString("text"));
                });
        var views = new ArrayList<CannedResponseView>(heads.size());
        heads.forEach((k, times) ->
                views.add(new CannedResponseView(k, texts.getOrDefault(k, Map.of()), times[0], times[1])));
        return views;
    }
}
