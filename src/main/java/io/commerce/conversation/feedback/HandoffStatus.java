package io.commerce.conversation.feedback;

/** A handoff waits for an agent ({@code open}) until the agent closes it ({@code closed}). */
public enum HandoffStatus {
    OPEN,
    CLOSED
}
