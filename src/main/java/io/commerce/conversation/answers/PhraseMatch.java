package io.commerce.conversation.answers;

import java.util.Arrays;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How a normalised message relates to a normalised phrase, strongest first: {@link #EXACT} (the same
 * words), {@link #CONTAINED} (the phrase appears as whole words inside the message), {@link #FUZZY} (the
 * message, or a run of its words about as long as the phrase, is within a few typing mistakes of it).
 * Typing mistakes allowed grow with the phrase: none under 8 characters, 1 under 16, 2 under 28, then 3;
 * so "how much is shiping" finds "how much is shipping" but "menu" never finds "men".
 */
enum PhraseMatch {
    EXACT,
    CONTAINED,
    FUZZY;

    private static final LevenshteinDistance[] DISTANCES = {
        new LevenshteinDistance(0), new LevenshteinDistance(1), new LevenshteinDistance(2), new LevenshteinDistance(3)
    };

    static boolean exact(String message, String phrase) {
        return message.equals(phrase);
    }

    /** The phrase appears in the message on word boundaries. */
    static boolean contains(String message, String phrase) {
        return (" " + message + " ").contains(" " + phrase + " ");
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
     * The fewest edits between the phrase and the whole message or any run of the message's words one
     * shorter, as long or one longer than the phrase (typos may split or join words); -1 when none is
     * within {@link #allowedEdits}.
     */
    static int fuzzyDistance(String message, String phrase) {
        int allowed = allowedEdits(phrase.length());
        if (allowed == 0) {
            return -1;
        }
        var distance = DISTANCES[allowed];
        int best = distance.apply(message, phrase);
        var words = message.split(" ");
        int phraseWords = phrase.split(" ").length;
        for (int size = Math.max(1, phraseWords - 1); size <= phraseWords + 1 && size < words.length; size++) {
            for (int start = 0; start + size <= words.length; start++) {
                var window = String.join(" ", Arrays.copyOfRange(words, start, start + size));
                int d = distance.apply(window, phrase);
                if (d >= 0 && (best < 0 || d < best)) {
                    best = d;
                }
            }
        }
        return best;
    }
}
