package io.commerce.conversation.agents;

import io.commerce.shared.CommerceException;

/** No agent with this id. */
public class AgentNotFoundException extends CommerceException {
    public AgentNotFoundException(String agentId) {
        super(Kind.NOT_FOUND, "AGENT_NOT_FOUND", "agent '%s' does not exist".formatted(agentId));
    }
}
