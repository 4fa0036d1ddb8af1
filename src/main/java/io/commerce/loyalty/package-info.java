/**
 * Loyalty (docs/loyalty.md): the programme (points per currency unit of a delivered order, a pending period,
 * expiry in lots, bonuses for birthdays, reviews and referrals, tiers by rolling 12-month spend, rewards that
 * become discount codes of the {@code promotion} module), an append-only points ledger, and WhatsApp as its
 * counter: points available, expiry reminders, birthday offers, and the balance and redemption in the chat.
 */
@ApplicationModule(allowedDependencies = {"shared", "customer", "order", "messaging", "promotion", "conversation"})
package io.commerce.loyalty;

import org.springframework.modulith.ApplicationModule;
