package io.commerce.console;

import io.commerce.console.people.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of a page: on the console, the person's choice (their session's, else the one stored with
 * them), else the browser's among English, Spanish and Dutch; elsewhere the {@code Accept-Language} header, as
 * Spring MVC's default resolver reads it.
 */
@Component("localeResolver")
class ConsoleLocale implements LocaleResolver {

    static final List<String> LANGUAGES = List.of("en", "es", "nl");
    private static final String CHOSEN = ConsoleLocale.class.getName() + ".chosen";

    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
    private final AcceptHeaderLocaleResolver consoleBrowser = new AcceptHeaderLocaleResolver();

    ConsoleLocale() {
        consoleBrowser.setSupportedLocales(LANGUAGES.stream().map(Locale::of).toList());
        consoleBrowser.setDefaultLocale(Locale.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/console")) {
            return browser.resolveLocale(request);
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(CHOSEN) instanceof String chosen) {
            return Locale.of(chosen);
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn person) {
            return Locale.of(person.language());
        }
        return consoleBrowser.resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (locale != null && LANGUAGES.contains(locale.getLanguage())) {
            request.getSession().setAttribute(CHOSEN, locale.getLanguage());
        }
    }
}
