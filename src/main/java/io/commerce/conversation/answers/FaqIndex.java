package io.commerce.conversation.answers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Every FAQ question, normalised, with the answers, in memory: what {@link Faqs#match} searches.
 *
 * <p>Stronger matches win over weaker ones whatever their language; within a strength the customer's
 * language is searched before the others. Strengths, strongest first:
 *
 * <ol>
 *   <li>exact: the message is the question;
 *   <li>contained: the message contains the question as whole words ("hi, how much is shipping to
 *       Madrid?"), or the question contains the message when the message has at least {@value
 *       #MIN_CONTAINED_WORDS} words and at least half the question's words ("shipping to spain" in "how much
 *       is shipping to spain"); the longest such question wins;
 *   <li>fuzzy: within a few typing mistakes ({@link PhraseMatch#fuzzyDistance}); the fewest mistakes win.
 * </ol>
 */
final class FaqIndex {

    static final int MIN_CONTAINED_WORDS = 3;

    record Question(String faqId, String language, String text, int words) {}

    private final List<Question> questions;
    private final Map<String, Map<String, String>> answers;

    FaqIndex(List<Question> questions, Map<String, Map<String, String>> answers) {
        this.questions = questions;
        this.answers = answers;
    }

    static FaqIndex of(List<FaqView> entries) {
        var questions = new ArrayList<Question>();
        var answers = new HashMap<String, Map<String, String>>();
        for (var entry : entries) {
            entry.questions()
                    .forEach((language, texts) -> texts.forEach(text -> {
                        var normalized = TextNormalizer.normalize(text);
                        questions.add(new Question(entry.faqId(), language, normalized, normalized.split(" ").length));
                    }));
            answers.put(entry.faqId(), entry.answers());
        }
        return new FaqIndex(List.copyOf(questions), Map.copyOf(answers));
    }

    Optional<FaqAnswer> match(String text, String language) {
        var message = new PhraseMatch.Message(TextNormalizer.normalize(text));
        if (message.wordCount == 0) {
            return Optional.empty();
        }
        List<ToIntFunction<Question>> strengths = List.of(
                q -> q.text().equals(message.text) ? 0 : -1,
                q -> contained(message, q) ? 1000 - q.text().length() : -1,
                q -> PhraseMatch.fuzzyDistance(message, q.text(), q.words()));
        for (var score : strengths) {
            for (boolean own : new boolean[] {true, false}) {
                var best = best(language, own, score);
                if (best.isPresent()) {
                    return best.map(q -> answer(q.faqId(), language));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean contained(PhraseMatch.Message message, Question question) {
        return PhraseMatch.contains(message.text, question.text())
                || (message.wordCount >= MIN_CONTAINED_WORDS
                        && message.wordCount * 2 >= question.words()
                        && PhraseMatch.contains(question.text(), message.text));
    }

    /**
     * The question in the language ({@code own}) or in the other languages with the lowest non-negative
     * score; the first one on ties.
     */
    private Optional<Question> best(String language, boolean own, ToIntFunction<Question> score) {
        Question best = null;
        int bestScore = Integer.MAX_VALUE;
        for (var question : questions) {
            if (question.language().equals(language) != own) {
                continue;
            }
            int s = score.applyAsInt(question);
            if (s >= 0 && s < bestScore) {
                best = question;
                bestScore = s;
            }
        }
        return Optional.ofNullable(best);
    }

    private FaqAnswer answer(String faqId, String language) {
        var texts = answers.get(faqId);
        var chosen = texts.containsKey(language)
                ? language
                : texts.containsKey("en")
                        ? "en"
                        : texts.keySet().stream().sorted().findFirst().orElseThrow();
        return new FaqAnswer(faqId, chosen, texts.get(chosen));
    }
}
