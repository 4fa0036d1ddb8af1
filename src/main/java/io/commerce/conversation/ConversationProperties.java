package io.commerce.conversation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Customer-service settings ({@code commerce.conversation.*}).
 *
 * @param expectedWait the wait an acknowledgement states before any conversation was answered
 * @param missesBeforePerson automatic answers that found nothing, in a row, before a person takes over
 * @param snoozeSweep how often snoozed conversations whose time came are opened again
 */
@Validated
@ConfigurationProperties("commerce.conversation")
public record ConversationProperties(
        @NotNull @DefaultValue("PT15M") Duration expectedWait,
        @Min(1) @DefaultValue("2") int missesBeforePerson,
        @NotNull @DefaultValue("PT1M") Duration snoozeSweep) {}
