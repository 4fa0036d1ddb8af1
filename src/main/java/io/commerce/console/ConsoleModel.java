package io.commerce.console;

import io.commerce.console.people.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows: who is signed in ({@code me}), for the navigation and their name. */
@ControllerAdvice(basePackages = "io.commerce.console")
class ConsoleModel {

    @ModelAttribute("me")
    @Nullable
    SignedIn me(@AuthenticationPrincipal @Nullable SignedIn person) {
        return person;
    }
}
