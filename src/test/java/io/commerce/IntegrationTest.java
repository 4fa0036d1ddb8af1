package io.commerce;

import io.commerce.conversation.ServiceDesk;
import io.commerce.journey.engine.ProbeJourney;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The whole application on real PostgreSQL, driven through MockMvc with every filter in place. All
 * tests with this annotation share one application context; they isolate themselves by unique ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@RecordApplicationEvents
@Import({RecordingListener.class, ProbeJourney.class, OpenApiResponseCheck.class, ServiceDesk.class})
public @interface IntegrationTest {}
