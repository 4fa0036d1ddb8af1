package io.commerce.analytics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /r/{token}}: a tracked link. 302 to where the message's link pointed (with UTM parameters), never
 * cached (each click is counted); an unknown token is a 404 page, never a redirect elsewhere.
 */
@Controller
class LinkRedirectController {

    private final AnalyticsService analytics;

    LinkRedirectController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @RequestMapping(
            value = "/r/{token}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ModelAndView follow(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return analytics
                .follow(token, request.getMethod(), request.getHeader(HttpHeaders.USER_AGENT))
                .map(url -> {
                    var redirect = new RedirectView(url);
                    redirect.setStatusCode(HttpStatus.FOUND);
                    redirect.setExposeModelAttributes(false);
                    redirect.setContextRelative(false);
                    redirect.setHttp10Compatible(false);
                    return new ModelAndView(redirect);
                })
                .orElseGet(() -> {
                    var page = new ModelAndView("link-unknown");
                    page.setStatus(HttpStatus.NOT_FOUND);
                    return page;
                });
    }
}
