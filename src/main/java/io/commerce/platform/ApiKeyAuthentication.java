package io.commerce.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The API key as a Spring Security authentication: {@link #of} reads {@code X-Api-Key} (no header, no attempt:
 * the request goes on anonymous and is refused where a key is needed), the provider accepts it when {@link
 * ApiKeys} knows it. The authenticated principal is the key's client id, never the key.
 */
class ApiKeyAuthentication implements AuthenticationProvider {

    static final String HEADER = "X-Api-Key";
    static final String ROLE = "API";

    private final ApiKeys keys;

    ApiKeyAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    static @Nullable Authentication of(HttpServletRequest request) {
        var presented = request.getHeader(HEADER);
        return presented == null ? null : new Key(presented, false);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var presented = (String) authentication.getCredentials();
        if (!keys.accepts(presented)) {
            throw new BadCredentialsException("the X-Api-Key header does not hold a valid key");
        }
        return new Key(presented, true);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Key.class.isAssignableFrom(authentication);
    }

    /** A presented key; once accepted, its principal is the key's client id and it holds the API role. */
    private static final class Key extends AbstractAuthenticationToken {

        private final String presented;

        Key(String presented, boolean accepted) {
            super(accepted ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of());
            this.presented = presented;
            setAuthenticated(accepted);
        }

        @Override
        public Object getCredentials() {
            return presented;
        }

        @Override
        public Object getPrincipal() {
            return ApiKeys.clientId(presented);
        }

        @Override
        public void eraseCredentials() {
            // kept for the idempotency filter's scope, which reads the header itself; nothing to erase here
        }
    }
}
