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

/** Reads and writes FAQ entries in {@code faq}, {@code faq_question} and {@code faq_answer}. */
@Repository
class FaqRows {

    private final JdbcClient jdbc;

    FaqRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the entry's questions and answers; true when the entry is new. */
    boolean upsert(String faqId, FaqDetails details, Instant now) {
        boolean created = jdbc.sql("""
                        insert into faq (id, created_at, updated_at) values (:id, :now, :now)
                        on conflict (id) do update set updated_at = excluded.updated_at
                        returning (xmax = 0) as created
                        """)
                .param("id", faqId)
                .param("now", Timestamp.from(now))
                .query(Boolean.class)
                .single();
        jdbc.sql("delete from faq_question where faq_id = :id")
                .param("id", faqId)
                .update();
        jdbc.sql("delete from faq_answer where faq_id = :id").param("id", faqId).update();
        details.questions().forEach((language, questions) -> {
            for (int position = 0; position < questions.size(); position++) {
                jdbc.sql("""
                                insert into faq_question (faq_id, language, position, text)
                                values (:id, :language, :position, :text)
                                """)
                        .param("id", faqId)
                        .param("language", language)
                        .param("position", position)
                        .param("text", questions.get(position).strip())
                        .update();
            }
        });
        details.answers()
                .forEach((language, text) -> jdbc.sql("""
                        insert into faq_answer (faq_id, language, text) values (:id, :language, :text)
                        """)
                        .param("id", faqId)
                        .param("language", language)
                        .param("text", text.strip())
                        .update());
        return created;
    }

    boolean delete(String faqId) {
        return jdbc.sql("delete from faq where id = :id").param("id", faqId).update() == 1;
    }

    /** Every entry (or the one with this id when not null), by id. */
    List<FaqView> views(String faqId) {
        var filter = faqId == null ? "" : " where faq_id = :id";
        var entries = new LinkedHashMap<String, Builder>();
        jdbc.sql("select id, created_at, updated_at from faq" + (faqId == null ? "" : " where id = :id")
                        + " order by id")
                .params(faqId == null ? Map.of() : Map.of("id", faqId))
                .query(rs -> {
                    entries.put(
                            rs.getString("id"),
                            new Builder(
                                    rs.getTimestamp("created_at").toInstant(),
                                    rs.getTimestamp("updated_at").toInstant()));
                });
        jdbc.sql("select faq_id, language, text from faq_question" + filter + " order by faq_id, language, position")
                .params(faqId == null ? Map.of() : Map.of("id", faqId))
                .query(rs -> {
                    var entry = entries.get(rs.getString("faq_id"));
                    if (entry != null) {
                        entry.questions
                                .computeIfAbsent(rs.getString("language"), l -> new ArrayList<>())
                                .add(rs.getString("text"));
                    }
                });
        jdbc.sql("select faq_id, language, text from faq_answer" + filter)
                .params(faqId == null ? Map.of() : Map.of("id", faqId))
                .query(rs -> {
                    var entry = entries.get(rs.getString("faq_id"));
                    if (entry != null) {
                        entry.answers.put(rs.getString("language"), rs.getString("text"));
                    }
                });
        var views = new ArrayList<FaqView>(entries.size());
        entries.forEach((id, entry) -> views.add(entry.build(id)));
        return views;
    }

    private static final class Builder {
        final Instant createdAt;
        final Instant updatedAt;
        final Map<String, List<String>> questions = new TreeMap<>();
        final Map<String, String> answers = new TreeMap<>();

        Builder(Instant createdAt, Instant updatedAt) {
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
        }

        FaqView build(String id) {
            return new FaqView(id, questions, answers, createdAt, updatedAt);
        }
    }
}
