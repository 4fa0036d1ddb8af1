package io.commerce.conversation.store;

import io.commerce.conversation.ConversationFilter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists conversations most recently active first, filtered by status, assignee ({@code unassigned} for the
 * queue), label and channel; each filter is optional and served by an index of the conversation table.
 */
@Repository
public class ConversationSearch {

    private final JdbcClient jdbc;

    ConversationSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ConversationRow> list(ConversationFilter filter, long offset, int limit) {
        return bind(
                        jdbc.sql("select * from conversation" + where(filter)
                                + " order by last_message_at desc, id limit :limit offset :offset"),
                        filter)
                .param("limit", limit)
                .param("offset", offset)
                .query(ConversationRow::map)
                .list();
    }

    public long count(ConversationFilter filter) {
        return bind(jdbc.sql("select count(*) from conversation" + where(filter)), filter)
                .query(Long.class)
                .single();
    }

    /** The count, stopping at {@code upTo}: a list of a million needs no exact total to page through it. */
    public long countUpTo(ConversationFilter filter, long upTo) {
        return bind(
                        jdbc.sql("select count(*) from (select 1 from conversation" + where(filter)
                                + " limit :upTo) listed"),
                        filter)
                .param("upTo", upTo)
                .query(Long.class)
                .single();
    }

    /** Only the filters given, so that the planner picks the index that serves them. */
    private static String where(ConversationFilter filter) {
        var conditions = new ArrayList<String>();
        if (filter.status() != null) {
            conditions.add("status = :status");
        }
        if (ConversationFilter.UNASSIGNED.equals(filter.assignee())) {
            conditions.add("assignee is null");
        } else if (filter.assignee() != null) {
            conditions.add("assignee = :assignee");
        }
        if (filter.label() != null) {
            conditions.add("labels @> array[cast(:label as varchar)]");
        }
        if (filter.channel() != null) {
            conditions.add("channel = :channel");
        }
        if (filter.customerId() != null) {
            conditions.add("customer_id = :customer");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ConversationFilter filter) {
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.assignee() != null && !ConversationFilter.UNASSIGNED.equals(filter.assignee())) {
            statement = statement.param("assignee", filter.assignee());
        }
        if (filter.label() != null) {
            statement = statement.param("label", filter.label());
        }
        if (filter.channel() != null) {
            statement = statement.param("channel", filter.channel().name());
        }
        if (filter.customerId() != null) {
            statement = statement.param("customer", filter.customerId());
        }
        return statement;
    }
}
