package io.commerce.conversation.agents;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent as the shop describes them: the languages they answer in (BCP 47 primary tags such as {@code es}),
 * how many unresolved conversations they take at most, and whether they take new ones now.
 */
public record AgentDetails(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Email @Size(max = 320) String email,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = "[a-z]{2,3}") String> languages,
        @NotNull @Min(1) @Max(1000) Integer maxOpenConversations,
        @NotNull Boolean available) {}
