package io.commerce.console.inbox;

import io.commerce.console.people.SignedIn;
import io.commerce.conversation.AgentReply;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.ConversationStatus;
import io.commerce.conversation.StatusChange;
import io.commerce.conversation.media.ConversationFiles;
import io.commerce.conversation.media.MediaUploads;
import io.commerce.shared.CommerceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/inbox}: the conversations by mine / unassigned / all, status, channel and label, refreshed
 * every few seconds; beside the list the chosen conversation, its customer card and what an agent does with
 * it (reply, canned response, template, file, assign, snooze, resolve, labels, notes). Every action posts a
 * form (with its CSRF token) and comes back to the same view.
 */
@Controller
class InboxController {

    /** What a form may send a person back to: the inbox's own query string. */
    private static final Pattern BACK = Pattern.compile("\\?[A-Za-z0-9=&%._~+-]*");

    private final Inbox inbox;
    private final ConversationService conversations;
    private final ConversationFiles files;
    private final MediaUploads uploads;
    private final Validator validator;
    private final Clock clock;

    InboxController(
            Inbox inbox,
            ConversationService conversations,
            ConversationFiles files,
            MediaUploads uploads,
            Validator validator,
            Clock clock) {
        this.inbox = inbox;
        this.conversations = conversations;
        this.files = files;
        this.uploads = uploads;
        this.validator = validator;
        this.clock = clock;
    }

    @GetMapping("/console/inbox")
    String inbox(
            @AuthenticationPrincipal SignedIn person,
            InboxFilter filter,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        list(person, filter, page, model);
        if (filter.selected() != null) {
            model.addAttribute("page", inbox.conversation(filter.selected(), locale));
            conversations.seen(filter.selected());
        }
        return "console/inbox";
    }

    /** The list alone, for its live refresh. */
    @GetMapping("/console/inbox/list")
    String listFragment(
            @AuthenticationPrincipal SignedIn person,
            InboxFilter filter,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        list(person, filter, page, model);
        return "console/inbox :: list";
    }

    /** A conversation's lines alone, for their live refresh while an agent has it open. */
    @GetMapping("/console/conversations/{conversationId}/lines")
    String linesFragment(@PathVariable String conversationId, Model model) {
        var conversation = inbox.lines(conversationId);
        model.addAttribute("conversation", conversation);
        model.addAttribute("lines", Line.of(conversation));
        return "console/inbox :: lines";
    }

    @GetMapping("/console/media/{mediaId}")
    ResponseEntity<Resource> media(@PathVariable String mediaId) {
        return files.stored(mediaId).response();
    }

    @PostMapping("/console/conversations/{conversationId}/reply")
    String reply(
            @AuthenticationPrincipal SignedIn person,
            @PathVariable String conversationId,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String canned,
            @RequestParam(required = false) String template,
            @RequestParam Map<String, String> form,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(flash, back, () -> {
            var agent = person.agentId();
            var reply = file != null && !file.isEmpty()
                    ? new AgentReply(
                            agent, null, null, null, uploads.upload(file).mediaId(), blankToNull(text))
                    : present(template)
                            ? new AgentReply(
                                    agent,
                                    null,
                                    null,
                                    new AgentReply.TemplateReply(template, templateParams(form)),
                                    null,
                                    null)
                            : present(canned)
                                    ? new AgentReply(agent, null, canned, null, null, null)
                                    : new AgentReply(agent, blankToNull(text), null, null, null, null);
            var invalid = validator.validate(reply);
            if (!invalid.isEmpty()) {
                throw new ConstraintViolationException(invalid);
            }
            conversations.reply(conversationId, reply);
        });
    }

    @PostMapping("/console/conversations/{conversationId}/assignee")
    String assign(
            @AuthenticationPrincipal SignedIn person,
            @PathVariable String conversationId,
            @RequestParam String agent,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        var chosen = switch (agent) {
            case "me" -> person.agentId();
            case "" -> null; // back to the queue
            default -> agent;
        };
        return act(flash, back, () -> conversations.assign(conversationId, chosen));
    }

    @PostMapping("/console/conversations/{conversationId}/status")
    String status(
            @PathVariable String conversationId,
            @RequestParam String status,
            @RequestParam(required = false) Integer snoozeHours,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(flash, back, () -> {
            var chosen = ConversationStatus.valueOf(status.toUpperCase(Locale.ROOT));
            var until = chosen == ConversationStatus.SNOOZED
                    ? clock.instant().plus(Duration.ofHours(snoozeHours == null ? 1 : snoozeHours))
                    : null;
            conversations.changeStatus(conversationId, new StatusChange(chosen, until));
        });
    }

    @PostMapping("/console/conversations/{conversationId}/labels")
    String labels(
            @PathVariable String conversationId,
            @RequestParam String labels,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        var list = Arrays.stream(labels.split(","))
                .map(String::strip)
                .filter(label -> !label.isEmpty())
                .distinct()
                .toList();
        return act(flash, back, () -> conversations.label(conversationId, list));
    }

    @PostMapping("/console/conversations/{conversationId}/notes")
    String note(
            @AuthenticationPrincipal SignedIn person,
            @PathVariable String conversationId,
            @RequestParam String text,
            @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        return act(flash, back, () -> conversations.note(conversationId, person.agentId(), text.strip()));
    }

    private void list(SignedIn person, InboxFilter filter, int page, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("rows", inbox.list(filter, person.agentId(), Math.max(page, 0)));
    }

    /**
     * Runs an action and goes back to the inbox as it was; what the service refuses (a closed window, an
     * unknown template, a full agent) comes back as a message on the page, in the person's language.
     */
    private static String act(RedirectAttributes flash, @Nullable String back, Runnable action) {
        try {
            action.run();
        } catch (CommerceException refused) {
            flash.addFlashAttribute("refusedCode", refused.code());
            flash.addFlashAttribute("refusedDetail", refused.getMessage());
        } catch (IllegalArgumentException | ConstraintViolationException invalid) {
            flash.addFlashAttribute("refusedCode", "VALIDATION_FAILED");
            flash.addFlashAttribute("refusedDetail", invalid.getMessage());
        }
        return "redirect:/console/inbox" + (back == null || !BACK.matcher(back).matches() ? "" : back);
    }

    /** The template's parameters, from the form's {@code param.<name>} fields that were filled. */
    private static Map<String, String> templateParams(Map<String, String> form) {
        var params = new TreeMap<String, String>();
        form.forEach((name, value) -> {
            if (name.startsWith("param.") && value != null && !value.isBlank()) {
                params.put(name.substring("param.".length()), value.strip());
            }
        });
        return params;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return present(value) ? value.strip() : null;
    }
}
