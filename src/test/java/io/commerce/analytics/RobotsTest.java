package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Link-preview fetchers and tools are not clickers; phones' browsers are. */
class RobotsTest {

    @Test
    void previewAgentsCrawlersAndPrefetchesAreRobots() {
        assertThat(Robots.isRobot("GET", "WhatsApp/2.24.21.78 A")).isTrue();
        assertThat(Robots.isRobot("GET", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"))
                .isTrue();
        assertThat(Robots.isRobot("GET", "TelegramBot (like TwitterBot)")).isTrue();
        assertThat(Robots.isRobot("GET", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .isTrue();
        assertThat(Robots.isRobot("GET", "curl/8.5.0")).isTrue();
        assertThat(Robots.isRobot("GET", null)).isTrue();
        assertThat(Robots.isRobot("HEAD", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)"))
                .isTrue();
    }

    @Test
    void phonesBrowsersArePeople() {
        assertThat(Robots.isRobot(
                        "GET",
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                                + " Version/18.1 Mobile/15E148 Safari/604.1"))
                .isFalse();
        assertThat(Robots.isRobot(
                        "GET",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/131.0.0.0 Mobile Safari/537.36"))
                .isFalse();
    }
}
