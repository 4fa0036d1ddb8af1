package io.commerce.conversation;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * What business hours change: the away message (naming the next opening, once per closed period, across a
 * weekend and a closure day), service-level clocks that stop outside hours, and the rating asked on
 * resolution.
 */
@IntegrationTest
class BusinessTimeTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MeterRegistry registry;

    @Autowired
    ServiceDesk desk;

    /** A Friday at least a week ahead, so that the service's clock only ever moves forward from now. */
    LocalDate friday;

    @BeforeEach
    void splitShiftsOnWeekdaysInMadrid() {
        desk.noAgentsAvailable();
        friday = LocalDate.now(MADRID).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        desk.hours("""
                {"timezone": "Europe/Madrid",
                 "weekly": {"mon": [["09:00", "14:00"], ["15:00", "18:00"]], "tue": [["09:00", "14:00"], ["15:00", "18:00"]],
                            "wed": [["09:00", "14:00"], ["15:00", "18:00"]], "thu": [["09:00", "14:00"], ["15:00", "18:00"]],
                            "fri": [["09:00", "14:00"], ["15:00", "18:00"]], "sat": [], "sun": []},
                 "closures": [{"date": "%s", "reason": "Navidad"}]}""".formatted(friday.plusDays(10)));
    }

    @AfterEach
    void backToTheConfiguredHoursAndTime() {
        desk.reset();
    }

    @Test
    void onASaturdayTheAwayMessageNamesMondayOnceForTheWholeWeekend() {
        var customer = desk.customer("es");
        moveTo(friday.plusDays(1), "11:00");

        customer.writes().writeOnWhatsApp("quiero hablar con una persona");
        var away = desk.botAnswers(customer.id(), 1).getFirst();
        moveTo(friday.plusDays(2), "20:00");
        customer.writes().writeOnWhatsApp("¿hola?");

        assertThat(away).contains("Ahora estamos cerrados. Volvemos el lunes a las 09:00.");
        desk.awaitCustomerLines(desk.conversationOf(customer.phone()), 2);
        assertThat(desk.sent(customer.id(), "conversation/bot")).hasSize(1);
    }

    @Test
    void aClosureDayMovesTheNextOpeningPastIt() {
        var customer = desk.customer("en");
        moveTo(friday.plusDays(9), "18:30"); // a Sunday; the Monday after is a closure day

        customer.writes().writeOnWhatsApp("talk to a person");

        assertThat(desk.botAnswers(customer.id(), 1).getFirst()).contains("We're back on Tuesday at 09:00.");
    }

    @Test
    void theFirstResponseClockStopsOutsideBusinessHours() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"es\"]", 5);
        var customer = desk.customer("es");
        moveTo(friday, "17:50");
        customer.writes().writeOnWhatsApp("hablar con una persona");
        var conversation = desk.conversationOf(customer.phone());
        desk.botAnswers(customer.id(), 1);

        moveTo(friday.plusDays(3), "09:10");
        customer.writes().writeOnWhatsApp("¿alguien?"); // the window stays open over the weekend
        desk.awaitCustomerLines(conversation, 2);
        json(mvc, HttpMethod.POST, "/api/v1/conversations/%s/messages".formatted(conversation), """
                {"agentId": "%s", "text": "Buenos días, soy Ana."}""".formatted(agent))
                .assertThat()
                .hasStatus2xxSuccessful();

        assertThat(get(
                        mvc,
                        "/api/v1/service-levels?from=%s&to=%s"
                                .formatted(
                                        at(friday, "00:00").toInstant(),
                                        at(friday.plusDays(4), "00:00").toInstant())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.agents[?(@.agentId == '%s')].levels.firstResponse.averageSeconds".formatted(agent))
                .asArray()
                .containsExactly(20 * 60);
    }

    @Test
    void resolvingAsksForARatingThatIsKeptForTheAgentWithoutReopening() {
        var agent = uniqueId("a");
        desk.agent(agent, "[\"en\"]", 5);
        var customer = desk.customer("en");
        moveTo(friday, "10:00");
        customer.writes().writeOnWhatsApp("talk to a person");
        var conversation = desk.conversationOf(customer.phone());
        desk.botAnswers(customer.id(), 1);

        json(mvc, HttpMethod.PUT, "/api/v1/conversations/%s/status".formatted(conversation), """
                {"status": "resolved"}""")
                .assertThat()
                .hasStatusOk();
        var question = desk.botAnswers(customer.id(), 2).get(1);
        customer.writes().chooseRow(null, "CSAT_4", "4 - Good");

        assertThat(question).contains("How did we do?").contains("CSAT_5").contains("CSAT_1");
        assertThat(desk.botAnswers(customer.id(), 3).get(2)).contains("Thank you for your rating!");
        desk.conversation(conversation).assertThat().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.status").isEqualTo("resolved");
            assertThat(body).extractingPath("$.rating").isEqualTo(4);
        });
        assertThat(registry.find("conversation.rating").tag("agent", agent).summary())
                .satisfies(ratings -> {
                    assertThat(ratings.count()).isOne();
                    assertThat(ratings.totalAmount()).isEqualTo(4.0);
                });
        assertThat(jdbc.sql("select count(*) from conversation where phone = ?")
                        .param(customer.phone())
                        .query(Long.class)
                        .single())
                .isOne();
    }

    private void moveTo(LocalDate day, String time) {
        clock.moveTo(at(day, time).toInstant());
    }

    private static ZonedDateTime at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), MADRID);
    }
}
