package io.commerce.conversation.levels;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Customer service levels of the conversations opened in [{@code from}, {@code to}), overall and per agent
 * (the agent each conversation is assigned to): first response and resolution times in business hours
 * only, in seconds, and the customers' ratings.
 */
public record ServiceLevelReport(Instant from, Instant to, Levels overall, List<AgentLevels> agents) {

    public record Levels(
            long conversations,
            long resolved,
            Times firstResponse,
            Times resolution,
            long ratings,
            @Nullable Double averageRating,
            Map<String, Long> ratingDistribution) {}

    /** Durations in seconds; null when there are none. */
    public record Times(
            long count,
            @Nullable Long averageSeconds,
            @Nullable Long medianSeconds,
            @Nullable Long p90Seconds) {}

    public record AgentLevels(String agentId, Levels levels) {}
}
