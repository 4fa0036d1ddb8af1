package io.commerce.loyalty;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Loyalty's timings ({@code commerce.loyalty.*}).
 *
 * @param jobsEnabled whether this instance runs the timed jobs (tests run their work explicitly)
 * @param jobsEvery how often the jobs look for points that became available, lapsed or lapse soon, and birthdays
 * @param birthdayMorning the local time, in the customer's zone, their birthday offer goes
 * @param remindBefore how long before points lapse the customer is reminded
 */
@Validated
@ConfigurationProperties("commerce.loyalty")
record LoyaltyProperties(
        @DefaultValue("true") boolean jobsEnabled,
        @NotNull @DefaultValue("PT1M") Duration jobsEvery,
        @NotNull @DefaultValue("09:00") LocalTime birthdayMorning,
        @NotNull @DefaultValue("P14D") Duration remindBefore) {}
