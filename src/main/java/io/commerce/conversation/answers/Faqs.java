package io.commerce.conversation.answers;

import io.commerce.shared.InvalidValueException;
import io.commerce.shared.Upserted;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shop's answers to common questions: kept by the API ({@code /api/v1/faq}) and matched against what
 * customers write ({@link #match}, rules on {@link FaqIndex}). Matching reads an in-memory index, built
 * from the database on first use and again after any change was committed, so it costs no database round
 * trip per message. (Several instances of the application see another's change on their next change or
 * restart: the index lives per process.)
 */
@Service
public class Faqs {

    private record Snapshot(long generation, FaqIndex index) {}

    private final FaqRows rows;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;

    Faqs(FaqRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * The answer to the customer's message, or empty when no FAQ entry matches it; see {@link FaqIndex}
     * for the order (exact, contained, fuzzy; the customer's language first) and {@link FaqAnswer} for the
     * answer's language.
     */
    public Optional<FaqAnswer> match(String text, Locale language) {
        return index().match(text, language.getLanguage());
    }

    @Transactional
    Upserted<FaqView> put(String faqId, FaqDetails details) {
        check(details);
        boolean created = rows.upsert(faqId, details, clock.instant());
        invalidateAfterCommit();
        return new Upserted<>(get(faqId), created);
    }

    @Transactional(readOnly = true)
    FaqView get(String faqId) {
        return rows.views(faqId).stream().findFirst().orElseThrow(() -> new FaqNotFoundException(faqId));
    }

    @Transactional(readOnly = true)
    List<FaqView> list() {
        return rows.views(null);
    }

    @Transactional
    void delete(String faqId) {
        if (!rows.delete(faqId)) {
            throw new FaqNotFoundException(faqId);
        }
        invalidateAfterCommit();
    }

    private static void check(FaqDetails details) {
        details.questions().forEach((language, questions) -> {
            if (!details.answers().containsKey(language)) {
                throw new InvalidValueException(
                        "answers", "questions in '%s' need an answer in '%s'".formatted(language, language));
            }
            var seen = new HashSet<String>();
            for (var question : questions) {
                var normalized = TextNormalizer.normalize(question);
                if (normalized.isEmpty()) {
                    throw new InvalidValueException(
                            "questions", "'%s' has no letters or digits to match".formatted(question));
                }
                if (!seen.add(normalized)) {
                    throw new InvalidValueException(
                            "questions", "'%s' repeats another question in '%s'".formatted(question, language));
                }
            }
        });
    }

    private void invalidateAfterCommit() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }

    /** The current index; rebuilt (by one thread, the others wait) when a change made it stale. */
    private FaqIndex index() {
        var current = snapshot;
        if (current != null && current.generation() == generation.get()) {
            return current.index();
        }
        loading.lock();
        try {
            current = snapshot;
            long wanted = generation.get();
            if (current == null || current.generation() != wanted) {
                current = new Snapshot(wanted, FaqIndex.of(rows.views(null)));
                snapshot = current;
            }
            return current.index();
        } finally {
            loading.unlock();
        }
    }
}
