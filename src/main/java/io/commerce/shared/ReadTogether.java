package io.commerce.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values a component reads one key at a time, or, inside {@link #during}, for all the keys a caller names
 * read first in one query and then taken from memory: one round trip instead of one per key, for a caller
 * about to ask for many in one transaction. What was read is not read again inside; keys not named are read
 * one at a time as usual.
 *
 * @param <K> the key
 * @param <V> what is read for a key (absent when there is nothing)
 */
public final class ReadTogether<K, V> {

    private final Function<Collection<K>, Map<K, V>> readAll;

    /** @param readAll reads the values of these keys in one query; keys with nothing are left out */
    public ReadTogether(Function<Collection<K>, Map<K, V>> readAll) {
        this.readAll = readAll;
    }

    /** Runs {@code work} with the values of {@code keys} read first; inside another call, that one's values serve. */
    public void during(Collection<K> keys, Runnable work) {
        if (TransactionSynchronizationManager.hasResource(this) || keys.isEmpty()) {
            work.run();
        } else {
            serve(Set.copyOf(keys), readAll.apply(keys), work);
        }
    }

    /** As {@link #during}, with values the caller read already serving their keys. */
    public void with(Map<K, V> values, Runnable work) {
        if (TransactionSynchronizationManager.hasResource(this) || values.isEmpty()) {
            work.run();
        } else {
            serve(Set.copyOf(values.keySet()), values, work);
        }
    }

    private void serve(Set<K> keys, Map<K, V> values, Runnable work) {
        TransactionSynchronizationManager.bindResource(this, new Read<>(keys, values));
        try {
            work.run();
        } finally {
            TransactionSynchronizationManager.unbindResource(this);
        }
    }

    /** The value of the key: from memory when read inside {@link #during}, else from {@code readOne}. */
    public Optional<V> get(K key, Supplier<Optional<V>> readOne) {
        if (TransactionSynchronizationManager.getResource(this) instanceof Read<?, ?> read
                && read.keys().contains(key)) {
            @SuppressWarnings("unchecked")
            var value = (V) read.values().get(key);
            return Optional.ofNullable(value);
        }
        return readOne.get();
    }

    private record Read<K, V>(Set<K> keys, Map<K, V> values) {}
}
