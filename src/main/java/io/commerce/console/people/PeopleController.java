package io.commerce.console.people;

import io.commerce.shared.CommerceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/people} (admins only, as the console's filter chain says): who may sign in, adding agents
 * and admins, unlocking, disabling and setting a new password. Each person added is an agent of the
 * conversations API, under the agent id given (an existing agent is taken over).
 */
@Controller
class PeopleController {

    /** The add-a-person form. */
    record PersonForm(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull Role role,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
            String agentId,

            @NotBlank @Pattern(regexp = "en|es|nl") String language,

            @NotBlank @Pattern(regexp = "[a-z]{2,3}( *, *[a-z]{2,3})*")
            String languages,

            @NotBlank @Size(min = 12, max = 200) String password) {

        static PersonForm empty() {
            return new PersonForm("", "", Role.AGENT, "", "en", "en", "");
        }
    }

    private final PeopleService people;
    private final Clock clock;

    PeopleController(PeopleService people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/console/people")
    String people(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PersonForm.empty());
        }
        model.addAttribute("people", people.list());
        model.addAttribute("now", clock.instant());
        return "console/people";
    }

    @PostMapping("/console/people")
    String add(@Valid @ModelAttribute("form") PersonForm form, BindingResult invalid, Model model) {
        if (!invalid.hasErrors()) {
            try {
                people.add(new PeopleService.NewPerson(
                        form.email(),
                        form.name().strip(),
                        form.role(),
                        form.agentId(),
                        form.language(),
                        Arrays.stream(form.languages().split(","))
                                .map(String::strip)
                                .toList(),
                        form.password()));
                return "redirect:/console/people?added";
            } catch (PersonConflictException | CommerceException e) {
                invalid.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("people", people.list());
        model.addAttribute("now", clock.instant());
        return "console/people";
    }

    @PostMapping("/console/people/{personId}/unlock")
    String unlock(@PathVariable UUID personId) {
        people.unlock(personId);
        return "redirect:/console/people";
    }

    @PostMapping("/console/people/{personId}/enabled")
    String enable(
            @AuthenticationPrincipal SignedIn me,
            @PathVariable UUID personId,
            @RequestParam boolean enabled,
            RedirectAttributes flash) {
        if (personId.equals(me.personId())) {
            flash.addFlashAttribute("refusedCode", "SELF");
            flash.addFlashAttribute("refusedDetail", "you cannot disable yourself");
        } else {
            people.enable(personId, enabled);
        }
        return "redirect:/console/people";
    }

    @PostMapping("/console/people/{personId}/password")
    String password(@PathVariable UUID personId, @RequestParam String password, RedirectAttributes flash) {
        if (password.length() < 12 || password.length() > 200) {
            flash.addFlashAttribute("refusedCode", "PASSWORD_TOO_SHORT");
            flash.addFlashAttribute("refusedDetail", "at least 12 characters");
        } else {
            people.changePassword(personId, password);
        }
        return "redirect:/console/people";
    }
}
