package io.commerce.analytics;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code GET /r/{token}} when the token is unknown: the 404 page, never a redirect elsewhere. Known tokens are
 * answered (302 with UTM parameters) before the request reaches Spring MVC, by {@link TrackedLinkFilter}.
 */
@Controller
class LinkRedirectController {

    @RequestMapping(
            value = "/r/{token}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    ModelAndView unknown(@PathVariable String token) {
        var page = new ModelAndView("link-unknown");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}
