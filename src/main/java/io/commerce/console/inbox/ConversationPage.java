package io.commerce.console.inbox;

import io.commerce.conversation.ConversationView;
import io.commerce.conversation.agents.AgentView;
import io.commerce.messaging.TemplateInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the conversation pane shows: its lines, the customer card, the service window (free-form while
 * it is open, templates only once it closed), and what an agent may answer with or hand over to.
 */
record ConversationPage(
        ConversationView conversation,
        String contact,
        @Nullable CustomerCard customer,
        List<Line> lines,
        @Nullable Duration windowLeft,
        List<TemplateInfo> templates,
        Map<String, String> canned,
        List<AgentView> agents) {

    static @Nullable Duration windowLeft(ConversationView conversation, Instant now) {
        var closes = conversation.serviceWindowClosesAt();
        return closes == null || !closes.isAfter(now) ? null : Duration.between(now, closes);
    }

    public boolean windowOpen() {
        return windowLeft != null;
    }
}
