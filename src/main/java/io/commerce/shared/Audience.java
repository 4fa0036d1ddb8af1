package io.commerce.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whom a bulk write (a campaign's messages, their discount codes) is for: an SQL condition on the {@code
 * customer} table (alias {@code c}), with its values as named parameters ({@code :name}), never spliced into the
 * text; it may read other tables in sub-queries, read-only. Built by trusted code (a campaign's segment), never
 * from request text. A condition rather than a {@code SELECT} of ids, so a snapshot scans the customers once
 * instead of joining them to themselves. The writer adds its own rules on top (messaging: an active customer with
 * a phone and consent on record), so an audience only says whom the sender means.
 *
 * <p>{@code values} are what differs per customer beyond the first name, by template parameter: an SQL expression
 * on {@code c} of the same kind (a customer's own discount code); a customer for whom one is null is left out.
 */
public record Audience(String condition, Map<String, Object> params, Map<String, String> values) {

    public Audience {
        if (condition.contains(";") || values.values().stream().anyMatch(value -> value.contains(";"))) {
            throw new IllegalArgumentException("an audience is a single condition, its values single expressions");
        }
        params = Map.copyOf(params);
        values = Map.copyOf(values);
    }

    public Audience(String condition, Map<String, Object> params) {
        this(condition, params, Map.of());
    }

    /** The customers of this audience that also meet {@code condition}; its parameters added, the values kept. */
    public Audience and(String condition, Map<String, Object> moreParams) {
        return new Audience("(" + this.condition + ") and " + condition, merged(moreParams), values);
    }

    /** The same customers, each with one more value: template parameter {@code param} is {@code expression}. */
    public Audience withValue(String param, String expression, Map<String, Object> moreParams) {
        var more = new HashMap<>(values);
        more.put(param, expression);
        return new Audience(condition, merged(moreParams), more);
    }

    private Map<String, Object> merged(Map<String, Object> moreParams) {
        var all = new HashMap<>(params);
        moreParams.forEach((name, value) -> {
            if (all.containsKey(name) && !Objects.equals(all.get(name), value)) {
                throw new IllegalArgumentException("audience parameter :" + name + " is taken");
            }
            all.put(name, value);
        });
        return all;
    }
}
