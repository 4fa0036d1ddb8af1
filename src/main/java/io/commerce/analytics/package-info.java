/**
 * Measures what messages earn: tracked links' clicks ({@code /r/{token}}), orders attributed to the message
 * that led to them, each message's cost from a dated rate card, and the funnel per campaign, journey, step,
 * template, channel and variant, kept as hourly roll-ups. It listens and reads; it never commands another
 * module.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "customer",
            "messaging",
            "order",
            "promotion",
            "consent",
            "campaign",
            "conversation"
        })
package io.commerce.analytics;

import org.springframework.modulith.ApplicationModule;
