package io.commerce;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.commerce.conversation.ConversationProperties;
import io.commerce.conversation.ConversationService;
import io.commerce.conversation.FeedbackReason;
import io.commerce.journey.EnrollmentView;
import io.commerce.journey.JourneyEnded;
import io.commerce.journey.JourneyEntered;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.commerce");

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .check(main);
    }

    @Test
    void entitiesRepositoriesAndControllersStayInsideTheirModule() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(main);
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(main);
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(main);
    }

    /**
     * Issue 10: the channel adapters own their edges. The messaging core (the classes directly in {@code
     * io.commerce.messaging}) reaches WhatsApp and SMS only through {@code channel/}; the contract depends
     * on no adapter; and the adapters do not know each other.
     */
    @Test
    void messagingCoreReachesTheChannelAdaptersOnlyThroughTheChannelContract() {
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.whatsapp..",
                        "io.commerce.messaging.sms..",
                        "io.commerce.messaging.sandbox..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.channel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.whatsapp..",
                        "io.commerce.messaging.sms..",
                        "io.commerce.messaging.sandbox..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.whatsapp..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.commerce.messaging.sms..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.sms..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.commerce.messaging.whatsapp..")
                .check(main);
    }

    /**
     * The messaging core's internal parts ({@code templates}, {@code outbox}, {@code guardrails}, {@code
     * dispatch}, {@code intake}) are core too: they reach no adapter nor the sandbox. They serve the core's
     * root package and depend on each other in one direction only: the outbox (the {@code message} table's
     * statements) renders a template once per language for a bulk send; the dispatcher sends what the
     * outbox holds, checked by the guardrails; the webhook intake applies statuses and inbound messages
     * through the outbox, the guardrails' service window and the dispatcher's failure handling. The
     * templates and the guardrails depend on no other part, and no other part depends on the intake.
     */
    @Test
    void messagingCorePartsReachNoAdapterAndStandApart() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.commerce.messaging.templates..",
                        "io.commerce.messaging.outbox..",
                        "io.commerce.messaging.guardrails..",
                        "io.commerce.messaging.dispatch..",
                        "io.commerce.messaging.intake..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.whatsapp..",
                        "io.commerce.messaging.sms..",
                        "io.commerce.messaging.sandbox..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.templates..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.outbox..",
                        "io.commerce.messaging.guardrails..",
                        "io.commerce.messaging.dispatch..",
                        "io.commerce.messaging.intake..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.guardrails..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.templates..",
                        "io.commerce.messaging.outbox..",
                        "io.commerce.messaging.dispatch..",
                        "io.commerce.messaging.intake..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.outbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.guardrails..",
                        "io.commerce.messaging.dispatch..",
                        "io.commerce.messaging.intake..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.messaging.dispatch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.commerce.messaging.intake..")
                .check(main);
    }

    /**
     * The conversation module in layers. The root holds its public API ({@link ConversationService}, the
     * events, views, value types and exceptions) and wires the rest. Under it, {@code desk} (what agents do
     * to a conversation: replies, changes, the reading of one, the snooze alarm) uses {@code routing} (the
     * inbound router, the bot, the handover, the agents' queue, the sending of answers), and never the
     * reverse. Both use {@code store} (the conversation tables) and the standalone parts ({@code agents},
     * {@code answers}, {@code hours}, {@code levels}, {@code media}, {@code feedback}). The store uses no
     * other part; the standalone parts use no other part (except business hours, which the service levels
     * count in) and of the root only its shared value types. No part calls back into the root's service.
     * Nothing in the module reaches messaging's provider adapters (WhatsApp, SMS, sandbox).
     */
    @Test
    void conversationPartsAreLayeredUnderTheRoot() {
        var standalone = List.of("agents", "answers", "hours", "levels", "media", "feedback");
        var layered = List.of("store", "routing", "desk");
        noClasses()
                .that()
                .resideInAPackage("io.commerce.conversation.*..")
                .should()
                .dependOnClassesThat(type(ConversationService.class))
                .check(main);
        for (var part : standalone) {
            noClasses()
                    .that()
                    .resideInAPackage("io.commerce.conversation." + part + "..")
                    .should()
                    .dependOnClassesThat(resideInAPackage("io.commerce.conversation")
                            .and(not(type(FeedbackReason.class)))
                            .and(not(type(ConversationProperties.class))))
                    .check(main);
            var others = Stream.concat(standalone.stream(), layered.stream())
                    .filter(other -> !other.equals(part) && !(part.equals("levels") && other.equals("hours")))
                    .map(other -> "io.commerce.conversation." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("io.commerce.conversation." + part + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(main);
        }
        noClasses()
                .that()
                .resideInAPackage("io.commerce.conversation.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Stream.concat(standalone.stream(), Stream.of("routing", "desk"))
                        .map(other -> "io.commerce.conversation." + other + "..")
                        .toArray(String[]::new))
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.conversation.routing..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.commerce.conversation.desk..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.conversation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.commerce.messaging.whatsapp..",
                        "io.commerce.messaging.sms..",
                        "io.commerce.messaging.sandbox..")
                .check(main);
    }

    /**
     * The journey module in layers. The root holds its public API ({@code JourneyService}, the events, the
     * views, the timeline and the not-found exception) and reads through the engine. Under it, {@code
     * journeys} (the concrete journeys, their settings and helpers) build on {@code engine} (enrollments, the
     * runner, steps, endings, metrics, the reply router) and never the reverse. The engine uses of the root
     * only the events it publishes ({@link JourneyEntered}, {@link JourneyEnded}) and the {@link
     * EnrollmentView} it reads; the journeys use nothing of the root.
     */
    @Test
    void journeyPartsAreLayeredUnderTheRoot() {
        noClasses()
                .that()
                .resideInAPackage("io.commerce.journey.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.commerce.journey.journeys..")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.journey.engine..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.commerce.journey")
                        .and(not(type(JourneyEntered.class)))
                        .and(not(type(JourneyEnded.class)))
                        .and(not(type(EnrollmentView.class))))
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.commerce.journey.journeys..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.commerce.journey")
                .check(main);
    }
}
