package io.commerce.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The shop-facing API's edge ({@code commerce.api.*}).
 *
 * @param keys accepted {@code X-Api-Key} values (env {@code COMMERCE_API_KEYS}); empty: one is generated
 *     at start-up and logged once
 * @param maxBodySize largest request body accepted; larger is a 413
 * @param maxWebhookBodySize largest webhook body accepted (Meta batches up to 3 MB)
 * @param idempotencyRetention how long an {@code Idempotency-Key} and its first response are kept
 * @param idempotencyLockTimeout how long a key whose first request never finished blocks a replay
 */
@Validated
@ConfigurationProperties("commerce.api")
record ApiProperties(
        List<String> keys,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("4MB") DataSize maxWebhookBodySize,
        @NotNull @DefaultValue("P1D") Duration idempotencyRetention,
        @NotNull @DefaultValue("PT1M") Duration idempotencyLockTimeout) {

    ApiProperties {
        keys = keys == null
                ? List.of()
                : keys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }
}
