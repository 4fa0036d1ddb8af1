package io.commerce.messaging.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Items offered while a webhook batch is processed on this thread are gathered and handled together when it
 * ends (one set-based statement for all of them); an item offered outside a batch is handled at once, alone.
 */
final class Gathered<T> {

    private final ThreadLocal<List<T>> gathering = new ThreadLocal<>();
    private final Consumer<List<T>> handler;

    Gathered(Consumer<List<T>> handler) {
        this.handler = handler;
    }

    /** Runs {@code work}, gathering what it offers, then hands it all to the handler. */
    void during(Runnable work) {
        var items = new ArrayList<T>();
        gathering.set(items);
        try {
            work.run();
        } finally {
            gathering.remove();
        }
        if (!items.isEmpty()) {
            handler.accept(items);
        }
    }

    /** Gathers the item with its batch, or hands it to the handler now when no batch is being processed. */
    void offer(T item) {
        var items = gathering.get();
        if (items == null) {
            handler.accept(List.of(item));
        } else {
            items.add(item);
        }
    }
}
