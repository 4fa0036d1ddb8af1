package io.commerce.analytics;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /r/{token}}: a tracked link. 302 to where the message's link pointed (with UTM parameters), never
 * cached (each click is counted); an unknown token is a 404 page, never a redirect elsewhere.
 */
@Controller
class LinkRedirectController {

    /** No link behind the token. */
    static final class UnknownLinkException extends RuntimeException {
        UnknownLinkException() {
            super("no such link", null, false, false);
        }
    }

    private final AnalyticsService analytics;

    LinkRedirectController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @RequestMapping(
            value = "/r/{token}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Void> follow(@PathVariable String token, HttpServletRequest request) {
        var url = analytics
                .follow(token, request.getMethod(), request.getHeader(HttpHeaders.USER_AGENT))
                .orElseThrow(UnknownLinkException::new);
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, url)
                .cacheControl(CacheControl.noStore())
                .build();
    }

    @ExceptionHandler(UnknownLinkException.class)
    ModelAndView unknown() {
        var page = new ModelAndView("link-unknown");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
