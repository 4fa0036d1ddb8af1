package io.commerce.console.inbox;

import io.commerce.conversation.ConversationFilter;
import io.commerce.conversation.ConversationStatus;
import io.commerce.shared.Channel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the inbox lists, bound from its query string: whose ({@code view}: {@code mine}, {@code unassigned},
 * {@code all}; absent, {@code mine}), which status ({@code open} by default, or {@code any}), channel and
 * label; and the conversation shown beside it ({@code c}).
 */
record InboxFilter(
        String view,
        String status,
        @Nullable String channel,
        @Nullable String label,
        @BindParam("c") @Nullable String selected) {

    InboxFilter {
        view = switch (view == null ? "" : view) {
            case "unassigned", "all" -> view;
            default -> "mine";
        };
        status = status == null || status.isBlank() ? "open" : status.toLowerCase(Locale.ROOT);
        channel = channel == null || channel.isBlank() ? null : channel.toLowerCase(Locale.ROOT);
        label = label == null || label.isBlank() ? null : label.strip();
        selected = selected == null || selected.isBlank() ? null : selected;
    }

    ConversationFilter conversations(String agentId) {
        var assignee = switch (view) {
            case "mine" -> agentId;
            case "unassigned" -> ConversationFilter.UNASSIGNED;
            default -> null;
        };
        return new ConversationFilter(statusFilter(), assignee, label, channelFilter(), null);
    }

    private @Nullable ConversationStatus statusFilter() {
        for (var known : ConversationStatus.values()) {
            if (known.name().equalsIgnoreCase(status)) {
                return known;
            }
        }
        return null; // "any"
    }

    private @Nullable Channel channelFilter() {
        for (var known : Channel.values()) {
            if (known.name().equalsIgnoreCase(channel)) {
                return known;
            }
        }
        return null;
    }

    /** This filter's query string, with another view, or another conversation selected. */
    public String query(String otherView, @Nullable String conversation) {
        var uri =
                UriComponentsBuilder.newInstance().queryParam("view", otherView).queryParam("status", status);
        if (channel != null) {
            uri.queryParam("channel", channel);
        }
        if (label != null) {
            uri.queryParam("label", label);
        }
        if (conversation != null) {
            uri.queryParam("c", conversation);
        }
        return uri.encode().build().toUriString();
    }

    public String query() {
        return query(view, selected);
    }

    public String withSelected(String conversation) {
        return query(view, conversation);
    }
}
