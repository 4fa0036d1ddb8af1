package io.commerce.conversation;

import io.commerce.shared.CommerceException;

/** No agent with this id. */
public class AgentNotFoundException extends CommerceException {
    AgentNotFoundException(String agentId) {
        super(Kind.NOT_FOUND, "AGENT_NOT_FOUND", "agent '%s' does not exist".formatted(agentId));
    }
}
