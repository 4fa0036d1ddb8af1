package io.commerce.conversation.agents;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who could take a conversation at the moment it was read: whether any available agent has room, and the
 * languages the available agents with room speak. A quick answer to "is choosing worth a transaction?"; the
 * choice itself ({@link AgentDirectory#choose}) reads and locks afresh.
 */
public record Room(boolean anyone, Set<String> languages) {

    /** Whether some agent with room speaks this language (anyone, for a conversation of no known language). */
    public boolean fits(@Nullable String language) {
        return language == null ? anyone : languages.contains(primary(language));
    }

    /** "es" of "es-MX": agents are matched on the primary language. */
    static String primary(String language) {
        return language.split("-")[0].toLowerCase(Locale.ROOT);
    }
}
