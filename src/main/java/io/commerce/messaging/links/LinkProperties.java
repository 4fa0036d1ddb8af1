package io.commerce.messaging.links;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Link tracking ({@code commerce.messaging.links.*}).
 *
 * @param publicBaseUrl the public root of this service that tracked links point at ({@code
 *     COMMERCE_PUBLIC_BASE_URL}); blank: the address the service runs on, right only on this machine
 * @param tracked false sends links as they are written, untracked
 */
@ConfigurationProperties("commerce.messaging.links")
public record LinkProperties(
        String publicBaseUrl, @DefaultValue("true") boolean tracked) {}
