package io.commerce.conversation.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Files in conversations ({@code commerce.conversation.media.*}).
 *
 * @param folder where the files are kept, one per media id (relative paths start at the working directory)
 * @param retention how long a file is kept after it arrived; then its bytes are deleted
 * @param downloadsEnabled whether this instance downloads pending files (tests download explicitly)
 * @param pollInterval how often pending downloads are looked for
 * @param batchSize downloads claimed at once by one instance
 * @param maxAttempts downloads tried before a file is given up (the message itself is kept)
 * @param firstRetry wait after the first failed download; doubled after each further one
 * @param maxRetry the longest wait between two attempts
 * @param lease how long a claimed download is reserved for the instance that took it
 */
@Validated
@ConfigurationProperties("commerce.conversation.media")
public record MediaProperties(
        @NotNull @DefaultValue(".data/media") Path folder,
        @NotNull @DefaultValue("P90D") Duration retention,
        @DefaultValue("true") boolean downloadsEnabled,
        @NotNull @DefaultValue("PT2S") Duration pollInterval,
        @Min(1) @Max(100) @DefaultValue("5") int batchSize,
        @Min(1) @Max(50) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("PT30S") Duration firstRetry,
        @NotNull @DefaultValue("PT1H") Duration maxRetry,
        @NotNull @DefaultValue("PT5M") Duration lease) {}
