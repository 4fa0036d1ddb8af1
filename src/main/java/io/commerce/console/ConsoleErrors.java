package io.commerce.console;

import io.commerce.shared.CommerceException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a console page answers when the service refuses (an unknown conversation or customer, say): a page in
 * the person's language with the status, not the API's problem+json.
 */
@ControllerAdvice(basePackages = "io.commerce.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(CommerceException.class)
    String refused(CommerceException refused, HttpServletResponse response, Model model) {
        var status = switch (refused.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            default -> 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("refusedCode", refused.code());
        model.addAttribute("refusedDetail", refused.getMessage());
        return "console/error";
    }
}
