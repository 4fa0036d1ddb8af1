package io.commerce.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a repository writes one at a time, or, inside {@link #during}, all together when the work returns, in
 * one JDBC batch: one round trip instead of one per row, for a caller writing many in one transaction. The
 * repository's other statements about the table call {@link #flush} first, so that they see every row
 * written before them.
 *
 * @param <T> a row as the repository's writer takes it
 */
public final class WrittenTogether<T> {

    private final Consumer<List<T>> writer;

    /** @param writer writes the rows given, in their order, in the caller's transaction */
    public WrittenTogether(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /** Writes the row now, or, inside {@link #during}, with the others of that call. */
    public void write(T row) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Waiting<?> waiting) {
            @SuppressWarnings("unchecked")
            var rows = (List<T>) waiting.rows();
            rows.add(row);
        } else {
            writer.accept(List.of(row));
        }
    }

    /** Runs {@code work} with the rows it writes written together when it returns; inside another call, that one writes. */
    public void during(Runnable work) {
        if (TransactionSynchronizationManager.hasResource(this)) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.bindResource(this, new Waiting<T>(new ArrayList<>()));
        try {
            work.run();
            flush();
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /** Writes the rows waiting, if any: before any other statement about the same table. */
    public void flush() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Waiting<?> waiting
                && !waiting.rows().isEmpty()) {
            @SuppressWarnings("unchecked")
            var rows = List.copyOf((List<T>) waiting.rows());
            waiting.rows().clear();
            writer.accept(rows);
        }
    }

    /** Rows written inside {@link #during}, not yet in the database. */
    private record Waiting<T>(List<T> rows) {}
}
