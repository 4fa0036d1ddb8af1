/**
 * The console: pages for people, served under {@code /console/**} behind a form sign-in of their own
 * ({@code people/}): the agents' inbox, the operations dashboard, the marketers' view of what the messages earn
 * ({@code marketing/}), and for admins the people who may sign in.
 * It reads and commands the other modules through their public services only, as the API does.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "customer",
            "consent",
            "order",
            "promotion",
            "journey",
            "campaign",
            "messaging",
            "conversation",
            "conversation :: agents",
            "conversation :: media",
            "analytics",
            "loyalty"
        })
package io.commerce.console;

import org.springframework.modulith.ApplicationModule;
