package io.commerce.analytics;

import java.util.List;
import java.util.Locale;

/**
 * Who fetches a link without being a person: WhatsApp's and other apps' link-preview agents, crawlers and
 * tools. Their requests are answered like anyone's but do not count as clicks.
 */
final class Robots {

    private static final List<String> AGENTS = List.of(
            "whatsapp/", // WhatsApp's preview fetcher ("WhatsApp/2.23.20.0 A"); links open in the phone's browser
            "facebookexternalhit",
            "facebot",
            "meta-externalagent",
            "twitterbot",
            "slackbot",
            "telegrambot",
            "discordbot",
            "linkedinbot",
            "skypeuripreview",
            "pinterest",
            "redditbot",
            "embedly",
            "googlebot",
            "google-inspectiontool",
            "bingbot",
            "applebot",
            "yandex",
            "duckduckbot",
            "bot/",
            "bot;",
            "crawler",
            "spider",
            "preview",
            "headlesschrome",
            "curl/",
            "wget/",
            "python-requests",
            "okhttp",
            "go-http-client",
            "java/");

    private Robots() {}

    /** True for a request no person made: no user agent, a HEAD (a prefetch), or a known agent's. */
    static boolean isRobot(String method, String userAgent) {
        if ("HEAD".equals(method) || userAgent == null || userAgent.isBlank()) {
            return true;
        }
        var agent = userAgent.toLowerCase(Locale.ROOT);
        return AGENTS.stream().anyMatch(agent::contains);
    }
}
