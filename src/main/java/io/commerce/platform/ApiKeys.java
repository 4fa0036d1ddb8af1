package io.commerce.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The accepted API keys. Keys are compared by their SHA-256 digests with {@link MessageDigest#isEqual},
 * so neither the content nor the length of a key leaks through timing. With no key configured one is
 * generated and logged once, as Spring Security does with its generated password.
 */
@Component
class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final List<byte[]> digests;

    ApiKeys(ApiProperties properties) {
        var keys = properties.keys();
        if (keys.isEmpty()) {
            var generated = generate();
            log.warn(
                    "\n\nUsing generated API key: {}\n\nCOMMERCE_API_KEYS is not set; set it before exposing this service.\n",
                    generated);
            keys = List.of(generated);
        }
        this.digests = keys.stream().map(ApiKeys::digest).toList();
    }

    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        var candidate = digest(presented);
        var match = false;
        for (var known : digests) {
            match |= MessageDigest.isEqual(known, candidate);
        }
        return match;
    }

    /** A stable, non-secret name for the client holding this key, used to scope idempotency keys. */
    static String clientId(String presented) {
        return Sha256.hex((presented == null ? "" : presented).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String value) {
        return Sha256.digest(value);
    }

    private static String generate() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
