package io.commerce.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An agent's answer: free-form {@code text} (only inside the service window), an approved {@code template}
 * with its parameters (any time), or a file uploaded before ({@code mediaId}) with an optional caption.
 * Exactly one of the three.
 */
public record AgentReply(
        @NotBlank @Size(max = 64) String agentId,
        @Nullable @Size(min = 1, max = 4096) String text,
        @Nullable @Valid TemplateReply template,
        @Nullable @Size(max = 64) String mediaId,
        @Nullable @Size(max = 1024) String caption) {

    /** A catalogue template by key, with its parameters by name. */
    public record TemplateReply(
            @NotBlank @Size(max = 64) String key, @NotNull Map<String, @NotNull @Size(max = 1024) String> params) {}

    @AssertTrue(message = "give exactly one of text, template and mediaId")
    boolean isExactlyOneKind() {
        return (text != null ? 1 : 0) + (template != null ? 1 : 0) + (mediaId != null ? 1 : 0) == 1;
    }
}
