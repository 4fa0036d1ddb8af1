package io.commerce.messaging.channel;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This service's own base URL on the machine ({@code http://localhost:<port>}), known once the web server
 * runs: where the sandbox lives and where it sends its webhooks.
 */
@Component
public class ServiceUrl {

    private volatile String baseUrl = "http://localhost:8080";

    @EventListener
    void on(WebServerInitializedEvent event) {
        baseUrl = "http://localhost:" + event.getWebServer().getPort();
    }

    public String baseUrl() {
        return baseUrl;
    }
}
