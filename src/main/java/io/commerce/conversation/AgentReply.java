package io.commerce.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * An agent's answer: free-form {@code text} (only inside the service window), a canned response by its key
 * ({@code cannedResponse}: its text in the customer's language with their first name and last order number,
 * free-form too), an approved {@code template} with its parameters (any time), or a file uploaded before
 * ({@code mediaId}) with an optional caption. Exactly one of the four.
 */
public record AgentReply(
        @NotBlank @Size(max = 64) String agentId,
        @Nullable @Size(min = 1, max = 4096) String text,
        @Nullable @Size(min = 1, max = 64) String cannedResponse,
        @Nullable @Valid TemplateReply template,
        @Nullable @Size(max = 64) String mediaId,
        @Nullable @Size(max = 1024) String caption) {

    /** A catalogue template by key, with its parameters by name. */
    public record TemplateReply(
            @NotBlank @Size(max = 64) String key, @NotNull Map<String, @NotNull @Size(max = 1024) String> params) {}

    @AssertTrue(message = "give exactly one of text, cannedResponse, template and mediaId")
    boolean isExactlyOneKind() {
        return Stream.of(text, cannedResponse, template, mediaId)
                        .filter(Objects::nonNull)
                        .count()
                == 1;
    }
}
