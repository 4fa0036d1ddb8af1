package io.commerce.conversation.agents;

import io.commerce.shared.Upserted;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who answer customers ({@code PUT /api/v1/agents/{agentId}}), and the choice of who takes a
 * conversation: an available agent who speaks the customer's language, least loaded first, within capacity.
 */
@Service
public class AgentDirectory {

    private final Agents agents;
    private final Clock clock;

    AgentDirectory(Agents agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional
    public Upserted<AgentView> upsert(String agentId, AgentDetails details) {
        var created = agents.upsert(agentId, details, clock.instant());
        return new Upserted<>(get(agentId), created);
    }

    @Transactional(readOnly = true)
    public AgentView get(String agentId) {
        return agents.find(agentId).orElseThrow(() -> new AgentNotFoundException(agentId));
    }

    @Transactional(readOnly = true)
    public List<AgentView> list() {
        return agents.list();
    }

    /** @throws AgentNotFoundException when there is no such agent */
    public void requireExisting(String agentId) {
        if (!agents.exists(agentId)) {
            throw new AgentNotFoundException(agentId);
        }
    }

    /** Whether any available agent has room, and in which languages, in one query (no row locked). */
    @Transactional(readOnly = true)
    public Room room() {
        return agents.room();
    }

    /**
     * The agent who takes a new conversation in this language (any language when null), locked until the
     * caller's transaction ends; empty when nobody fits.
     */
    public Optional<String> choose(@Nullable String language) {
        var primary = language == null ? null : Room.primary(language);
        // a rival assignment may have filled the chosen agent while we waited for their lock: choose again
        for (int attempt = 0; attempt < 3; attempt++) {
            var chosen = agents.choose(primary);
            if (chosen.isEmpty() || agents.hasRoom(chosen.get())) {
                return chosen;
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #choose}, among the agents nobody is being given a conversation by at this moment: it never
     * waits for a lock, so a transaction holding other locks may call it; empty when none of them fits.
     */
    public Optional<String> chooseFree(@Nullable String language) {
        return agents.chooseUnlocked(language == null ? null : Room.primary(language));
    }
}
