package io.commerce.conversation.desk;

import io.commerce.conversation.AgentReply;
import io.commerce.conversation.Author;
import io.commerce.conversation.ConversationConflictException;
import io.commerce.conversation.agents.AgentDirectory;
import io.commerce.conversation.levels.ServiceLevels;
import io.commerce.conversation.media.ConversationFiles;
import io.commerce.conversation.routing.Assignment;
import io.commerce.conversation.routing.ConversationSender;
import io.commerce.conversation.store.ConversationRow;
import io.commerce.messaging.MessageView;
import io.commerce.messaging.OutboundContent;
import org.springframework.stereotype.Component;

/**
 * An agent answers a conversation: free-form inside the service window (409 {@code SERVICE_WINDOW_CLOSED}
 * outside it: an approved template is needed then), a template any time, or a file uploaded before. The
 * first answer sets the conversation's first response time; an unassigned conversation becomes the agent's.
 */
@Component
public class AgentReplies {

    private final AgentDirectory agents;
    private final Assignment assignment;
    private final ConversationSender sender;
    private final ServiceLevels levels;
    private final CannedReplies canned;
    private final ConversationFiles files;

    AgentReplies(
            AgentDirectory agents,
            Assignment assignment,
            ConversationSender sender,
            ServiceLevels levels,
            CannedReplies canned,
            ConversationFiles files) {
        this.agents = agents;
        this.assignment = assignment;
        this.sender = sender;
        this.levels = levels;
        this.canned = canned;
        this.files = files;
    }

    public MessageView reply(ConversationRow conversation, AgentReply reply) {
        agents.requireExisting(reply.agentId());
        if (conversation.customerId() == null) {
            throw new ConversationConflictException(
                    "CONTACT_NOT_A_CUSTOMER",
                    "this number is no customer of the shop yet: mirror the customer with this phone first");
        }
        OutboundContent content;
        String text;
        if (reply.template() != null) {
            content = new OutboundContent.Template(
                    reply.template().key(), reply.template().params());
            text = reply.template().key();
        } else if (reply.cannedResponse() != null) {
            text = canned.render(reply.cannedResponse(), conversation);
            content = new OutboundContent.Text(text, true);
        } else if (reply.mediaId() != null) {
            content = files.outgoing(reply.mediaId(), reply.caption(), conversation.channel());
            text = reply.caption();
        } else {
            content = new OutboundContent.Text(reply.text(), true);
            text = reply.text();
        }
        var sent = sender.send(conversation, Author.AGENT, reply.agentId(), content, text, reply.mediaId());
        levels.agentAnswered(
                conversation.id(),
                conversation.firstResponseAt() != null,
                conversation.queuedAt() != null ? conversation.queuedAt() : conversation.openedAt(),
                reply.agentId());
        if (conversation.assignee() == null) {
            assignment.assign(conversation, reply.agentId());
        }
        return sent;
    }
}
