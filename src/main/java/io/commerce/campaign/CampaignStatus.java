package io.commerce.campaign;

/**
 * A campaign's life: scheduled → launching (its audience being snapshotted) → launched; or cancelled (before
 * launch, or after it, which cancels its still-queued messages); failed when it could not be launched (its
 * template left the catalogue).
 */
public enum CampaignStatus {
    SCHEDULED,
    LAUNCHING,
    LAUNCHED,
    CANCELLED,
    FAILED
}
