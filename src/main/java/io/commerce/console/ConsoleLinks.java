package io.commerce.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Where a form sends a person back to: a console page of this service only, never another site. */
final class ConsoleLinks {

    private ConsoleLinks() {}

    static String backTo(@Nullable String referer, HttpServletRequest request) {
        if (referer != null) {
            try {
                var uri = URI.create(referer);
                var path = uri.getRawPath();
                var context = request.getContextPath();
                if (path != null && path.startsWith(context + "/console/") && !path.contains("..")) {
                    // context-relative, as Spring's "redirect:" expects
                    return path.substring(context.length())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: the inbox
            }
        }
        return "/console/inbox";
    }
}
