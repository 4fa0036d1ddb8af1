package io.commerce.conversation.answers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How a normalised message relates to a normalised phrase: the same words ({@link #exact}), the phrase as
 * whole words inside the message ({@link #contains}), or within a few typing mistakes of the message or of
 * a run of its words ({@link #fuzzyDistance}). Typing mistakes allowed grow with the phrase: none under 8
 * characters, 1 under 16, 2 under 28, then 3; so "how much is shiping" finds "how much is shipping" but
 * "men" never finds "menu".
 */
final class PhraseMatch {

    private static final LevenshteinDistance[] DISTANCES = {
        new LevenshteinDistance(0), new LevenshteinDistance(1), new LevenshteinDistance(2), new LevenshteinDistance(3)
    };

    /** How strongly a message matches a phrase, strongest first. */
    enum Strength {
        EXACT,
        CONTAINED,
        FUZZY
    }

    /** A normalised phrase and its number of words. */
    record Phrase(String text, int words) {
        static Phrase of(String normalized) {
            return new Phrase(normalized, normalized.split(" ").length);
        }
    }

    private PhraseMatch() {}

    /** A normalised message with its runs of words, computed once however many phrases it is compared to. */
    static final class Message {
        final String text;
        final int wordCount;
        private final String[] words;
        private final Set<String> wordSet;
        private final List<List<String>> windows = new ArrayList<>();

        Message(String normalized) {
            this.text = normalized;
            this.words = normalized.isEmpty() ? new String[0] : normalized.split(" ");
            this.wordCount = words.length;
            this.wordSet = Set.copyOf(Arrays.asList(words));
        }

        /** How many of the phrase's words the message holds as they are. */
        int wordsFound(String phrase) {
            int found = 0;
            for (var word : phrase.split(" ")) {
                if (wordSet.contains(word)) {
                    found++;
                }
            }
            return found;
        }

        /** Every run of {@code size} consecutive words. */
        List<String> windows(int size) {
            while (windows.size() <= size) {
                windows.add(null);
            }
            if (windows.get(size) == null) {
                var runs = new ArrayList<String>();
                for (int start = 0; start + size <= words.length; start++) {
                    runs.add(String.join(" ", Arrays.copyOfRange(words, start, start + size)));
                }
                windows.set(size, runs);
            }
            return windows.get(size);
        }
    }

    static boolean exact(String message, String phrase) {
        return message.equals(phrase);
    }

    /** The phrase appears in the message on word boundaries. */
    static boolean contains(String message, String phrase) {
        int from = 0;
        while (true) {
            int at = message.indexOf(phrase, from);
            if (at < 0) {
                return false;
            }
            int end = at + phrase.length();
            if ((at == 0 || message.charAt(at - 1) == ' ') && (end == message.length() || message.charAt(end) == ' ')) {
                return true;
            }
            from = at + 1;
        }
    }

    /** Edits (insertions, deletions, substitutions) tolerated for a phrase of this many characters. */
    static int allowedEdits(int phraseLength) {
        if (phraseLength < 8) {
            return 0;
        }
        if (phraseLength < 16) {
            return 1;
        }
        return phraseLength < 28 ? 2 : 3;
    }

    /**
     * The fewest edits between the phrase (of {@code phraseWords} words) and the whole message or any run of
     * the message's words one shorter, as long or one longer than the phrase (typos may split or join
     * words); -1 when none is within {@link #allowedEdits}. Runs whose length alone rules them out are
     * skipped, which keeps this cheap enough for every inbound message.
     */
    static int fuzzyDistance(Message message, String phrase, int phraseWords) {
        int allowed = allowedEdits(phrase.length());
        if (allowed == 0) {
            return -1;
        }
        // each edit touches at most two words (deleting a space joins two), so the others appear unchanged
        int untouched = phraseWords - 2 * allowed;
        if (untouched > 0 && message.wordsFound(phrase) < untouched) {
            return -1;
        }
        var distance = DISTANCES[allowed];
        int best = within(distance, allowed, message.text, phrase);
        int largest = Math.min(phraseWords + 1, message.wordCount - 1);
        for (int size = Math.max(1, phraseWords - 1); size <= largest; size++) {
            for (var window : message.windows(size)) {
                int d = within(distance, allowed, window, phrase);
                if (d >= 0 && (best < 0 || d < best)) {
                    best = d;
                }
            }
        }
        return best;
    }

    static int fuzzyDistance(Message message, Phrase phrase) {
        return fuzzyDistance(message, phrase.text(), phrase.words());
    }

    private static int within(LevenshteinDistance distance, int allowed, String text, String phrase) {
        if (Math.abs(text.length() - phrase.length()) > allowed) {
            return -1;
        }
        return distance.apply(text, phrase);
    }
}
