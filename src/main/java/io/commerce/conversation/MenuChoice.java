package io.commerce.conversation;

import java.util.Locale;

/**
 * A row another module adds to the bot's menu (loyalty's "My points"). Tapped, its {@link #id} comes back as the
 * reply's payload, which the router offers to the {@link ReplyHandler}s first: the module that added the row
 * answers it.
 */
public interface MenuChoice {

    /** The row's id, the payload of the reply that taps it (at most 200 characters). */
    String id();

    /** The row's title in the language (at most 24 characters). */
    String title(Locale language);

    /** The row's description in the language (at most 72 characters). */
    String description(Locale language);
}
