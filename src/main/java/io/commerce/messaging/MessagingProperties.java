package io.commerce.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The messaging core's settings ({@code commerce.messaging.*}). Each channel's own settings ({@code
 * commerce.messaging.whatsapp.*}, {@code commerce.messaging.sms.*}) belong to its adapter.
 */
@Validated
@ConfigurationProperties("commerce.messaging")
public record MessagingProperties(
        @Valid @NotNull @DefaultValue Dispatcher dispatcher,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Keywords keywords,
        @Valid @NotNull @DefaultValue GuardrailSettings guardrails,
        @NotNull @DefaultValue("PT24H") Duration serviceWindow,
        @NotBlank @DefaultValue("en") String defaultLanguage) {

    /**
     * @param pollInterval how often an idle dispatcher looks for due messages
     * @param batchSize the most messages one claim takes
     * @param maxAttempts attempts before a retryable failure becomes final
     * @param backoff the first retry delay; it doubles per attempt, with ±20 % jitter, up to {@code maxBackoff}
     * @param sendingTimeout after this, a message still {@code sending} (a crash mid-send) is resolved
     * @param pacing false lifts the per-number throughput limit (benchmarks only)
     */
    public record Dispatcher(
            @NotNull @DefaultValue("PT0.2S") Duration pollInterval,
            @Min(1) @Max(5000) @DefaultValue("200") int batchSize,
            @Min(1) @Max(50) @DefaultValue("8") int maxAttempts,
            @NotNull @DefaultValue("PT2S") Duration backoff,
            @NotNull @DefaultValue("PT15M") Duration maxBackoff,
            @NotNull @DefaultValue("PT10M") Duration sendingTimeout,
            @DefaultValue("true") boolean pacing,
            @DefaultValue("true") boolean enabled) {}

    /** Meta's content limits, checked before sending (they change: keep them configurable). */
    public record Limits(
            @DefaultValue("4096") int textBody,
            @DefaultValue("1024") int interactiveBody,
            @DefaultValue("4096") int listBody,
            @DefaultValue("60") int header,
            @DefaultValue("60") int footer,
            @DefaultValue("3") int buttons,
            @DefaultValue("20") int buttonTitle,
            @DefaultValue("256") int buttonId,
            @DefaultValue("10") int listSections,
            @DefaultValue("10") int listRows,
            @DefaultValue("24") int listRowTitle,
            @DefaultValue("72") int listRowDescription,
            @DefaultValue("200") int listRowId,
            @DefaultValue("24") int listSectionTitle,
            @DefaultValue("20") int listButton,
            @DefaultValue("20") int ctaDisplayText,
            @DefaultValue("1024") int caption,
            @DefaultValue("10") int productSections,
            @DefaultValue("30") int products,
            @DefaultValue("1600") int smsBody) {}

    /**
     * Marketing guardrails: hold, never drop. Transactional messages are exempt.
     *
     * @param quietHoursStart local time (customer's zone) from which marketing waits
     * @param quietHoursEnd local time at which it may go again
     * @param frequencyCapMax most marketing messages per customer in {@code frequencyCapPeriod}, across channels
     * @param minimumGap least time after the customer's last message of any kind
     * @param conversationWindow a customer who wrote to us on the channel within this time is in a conversation:
     *     marketing that answers them is not held by quiet hours or the minimum gap (the frequency cap still counts)
     */
    public record GuardrailSettings(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("21:00") java.time.LocalTime quietHoursStart,
            @NotNull @DefaultValue("09:00") java.time.LocalTime quietHoursEnd,
            @Min(1) @DefaultValue("2") int frequencyCapMax,
            @NotNull @DefaultValue("P7D") Duration frequencyCapPeriod,
            @NotNull @DefaultValue("PT1H") Duration minimumGap,
            @NotNull @DefaultValue("PT15M") Duration conversationWindow) {}

    /**
     * Inbound keywords, matched case-insensitively on the whole message: {@code stop} withdraws marketing
     * on the channel, {@code stopAll} both purposes, {@code start} grants marketing again.
     */
    public record Keywords(
            @NotNull @DefaultValue({"STOP", "UNSUBSCRIBE", "BAJA", "PARAR", "STOPPEN", "AFMELDEN", "OPT OUT"})
            List<String> stop,

            @NotNull @DefaultValue({"STOP ALL", "STOPALL", "BAJA TOTAL", "PARAR TODO", "ALLES STOPPEN"})
            List<String> stopAll,

            @NotNull @DefaultValue({"START", "SUBSCRIBE", "ALTA", "AANMELDEN"})
            List<String> start) {}
}
