package io.commerce.messaging;

import java.util.Map;

/**
 * Who a bulk send goes to: an SQL condition on the {@code customer} table (alias {@code c}), with its values
 * as named parameters ({@code :name}), never spliced into the text; it may read other tables in
 * sub-queries, read-only. Built by trusted code (a campaign's segment), never from request text. A condition
 * rather than a {@code SELECT} of ids, so the snapshot scans the customers once instead of joining them to
 * themselves. Messaging adds its own rules on top (an active customer with a phone and consent on record),
 * so an audience only says whom the sender means.
 */
public record Audience(String condition, Map<String, Object> params) {

    public Audience {
        if (condition.contains(";")) {
            throw new IllegalArgumentException("an audience is a single condition");
        }
        params = Map.copyOf(params);
    }
}
