package io.commerce.loyalty;

import io.commerce.messaging.CustomerFacts;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A customer's points and tier as template parameters ({@code loyaltyPoints}, {@code loyaltyTier}): a journey's or
 * the shop's template that declares them names the customer's standing at the moment the message is queued.
 */
@Component
class LoyaltyFacts implements CustomerFacts {

    static final String POINTS = "loyaltyPoints";
    static final String TIER = "loyaltyTier";

    private final Standings standings;

    LoyaltyFacts(Standings standings) {
        this.standings = standings;
    }

    @Override
    public Map<String, String> of(String customerId, Set<String> names) {
        if (!names.contains(POINTS) && !names.contains(TIER)) {
            return Map.of();
        }
        var standing = standings.of(customerId);
        var facts = new HashMap<String, String>();
        facts.put(POINTS, Integer.toString(standing.points()));
        if (standing.tier() != null) {
            facts.put(TIER, standing.tier());
        }
        return facts;
    }
}
