package io.commerce.campaign;

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
 */
@Validated
@ConfigurationProperties("commerce.campaign")
record CampaignProperties(
        @DefaultValue("true") boolean launcherEnabled,
        @NotNull @DefaultValue("PT5S") Duration pollInterval,
        @NotNull @DefaultValue("PT15M") Duration launchTimeout) {}
