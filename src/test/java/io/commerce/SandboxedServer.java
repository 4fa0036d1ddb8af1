package io.commerce;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a port, with its dispatcher running and the sandbox answering quickly: real HTTP
 * both ways, the sandbox's signed webhooks included. The dispatcher also sends what other test classes left
 * queued in the shared database (oldest first), so pacing is off. Its dispatcher must not outlive the test class and send
 * other tests' messages, so the context is closed after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "commerce.messaging.dispatcher.enabled=true",
            "commerce.messaging.dispatcher.poll-interval=PT0.05S",
            "commerce.sandbox.status-delay=PT0.1S",
            // what other test classes left queued in the shared database goes first: unpaced, it is gone at once
            "commerce.messaging.dispatcher.pacing=false"
        })
@ActiveProfiles("test")
@DirtiesContext
public @interface SandboxedServer {}
