package io.commerce.console;

import io.commerce.console.people.PeopleService;
import io.commerce.console.people.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The sign-in page, the console's front door, and the language a person reads it in. */
@Controller
class ConsolePages {

    private final PeopleService people;
    private final LocaleResolver locales;

    ConsolePages(PeopleService people, LocaleResolver locales) {
        this.people = people;
        this.locales = locales;
    }

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/inbox";
    }

    /** Kept with the person (their next sign-in too) and in their session; back to the page they were on. */
    @PostMapping("/console/language")
    String language(
            @AuthenticationPrincipal SignedIn person,
            @RequestParam String language,
            @RequestHeader(name = "Referer", required = false) String from,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (ConsoleLocale.LANGUAGES.contains(language)) {
            people.chooseLanguage(person.personId(), language);
            locales.setLocale(request, response, Locale.of(language));
        }
        return "redirect:" + ConsoleLinks.backTo(from, request);
    }
}
