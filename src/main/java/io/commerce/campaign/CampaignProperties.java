package io.commerce.campaign;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Campaigns ({@code commerce.campaign.*}).
 *
 * @param launcherEnabled false stops this instance launching campaigns (tests launch by hand)
 * @param pollInterval how often the launcher looks for due campaigns
 * @param launchTimeout how long a launcher holds a campaign it claimed; one whose launcher died is launched
 *     again after it (the dead launcher's snapshot was rolled back with it)
 * @param maxLaunchAttempts launches tried (each claim counts, a dead launcher's too) before a campaign whose
 *     launch keeps failing ends {@code failed} with {@code LAUNCH_FAILED}
 * @param launchRetryBackoff wait before a failed launch is tried again
 */
@Validated
@ConfigurationProperties("commerce.campaign")
record CampaignProperties(
        @DefaultValue("true") boolean launcherEnabled,
        @NotNull @DefaultValue("PT5S") Duration pollInterval,
        @NotNull @DefaultValue("PT15M") Duration launchTimeout,
        @Min(1) @DefaultValue("3") int maxLaunchAttempts,
        @NotNull @DefaultValue("PT1M") Duration launchRetryBackoff) {}
