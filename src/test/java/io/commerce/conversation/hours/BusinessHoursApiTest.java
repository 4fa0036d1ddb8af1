package io.commerce.conversation.hours;

import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.conversation.hours.Calendars.madrid;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import io.commerce.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * {@code PUT} and {@code GET /api/v1/business-hours} on real PostgreSQL, the calendar the module reads, and
 * the away message through the application's message source. Each test starts and ends with no hours
 * stored (the configured default: UTC, Monday to Friday 09:00-18:00).
 */
@IntegrationTest
class BusinessHoursApiTest {

    private static final String MADRID_HOURS = """
            {"timezone": "Europe/Madrid",
             "weekly": {"mon": [["15:00", "18:00"], ["09:00", "14:00"]], "tue": [["09:00", "14:00"]],
                        "fri": [["09:00", "14:00"], ["15:00", "18:00"]], "sun": []},
             "closures": [{"date": "2026-12-25", "reason": "Navidad"}, {"date": "2026-01-06"}]}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BusinessHours hours;

    @Autowired
    AwayMessages awayMessages;

    @Autowired
    TestClock clock;

    @BeforeEach
    @AfterEach
    void noHoursStored() {
        jdbc.sql("delete from business_shift").update();
        jdbc.sql("delete from business_closure").update();
        jdbc.sql("delete from business_hours").update();
        hours.forget();
        clock.reset();
    }

    @Test
    void beforeAnyoneSetsThemTheHoursAreTheConfiguredDefault() {
        assertThat(get(mvc, "/api/v1/business-hours")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"timezone": "UTC",
                 "weekly": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
                            "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]], "sat": [], "sun": []},
                 "closures": []}""");
        assertThat(hours.calendar().isOpen(Instant.parse("2026-11-30T17:59:00Z")))
                .isTrue();
        assertThat(hours.calendar().isOpen(Instant.parse("2026-11-28T12:00:00Z")))
                .isFalse();
    }

    @Test
    void hoursPutAreReadBackWithEveryDayAndShiftsInOrder() {
        var expected = """
                {"timezone": "Europe/Madrid",
                 "weekly": {"mon": [["09:00", "14:00"], ["15:00", "18:00"]], "tue": [["09:00", "14:00"]],
                            "wed": [], "thu": [], "fri": [["09:00", "14:00"], ["15:00", "18:00"]],
                            "sat": [], "sun": []},
                 "closures": [{"date": "2026-01-06", "reason": null}, {"date": "2026-12-25", "reason": "Navidad"}]}""";

        assertThat(json(mvc, HttpMethod.PUT, "/api/v1/business-hours", MADRID_HOURS))
                .hasStatusOk()
                .bodyJson()
                .isStrictlyEqualTo(expected);
        assertThat(get(mvc, "/api/v1/business-hours")).hasStatusOk().bodyJson().isStrictlyEqualTo(expected);
    }

    @Test
    void aPutAppliesAtOnceOnThisInstance() {
        assertThat(hours.calendar().zone().getId()).isEqualTo("UTC");

        json(mvc, HttpMethod.PUT, "/api/v1/business-hours", MADRID_HOURS)
                .assertThat()
                .hasStatusOk();

        var calendar = hours.calendar();
        assertThat(calendar.zone().getId()).isEqualTo("Europe/Madrid");
        assertThat(calendar.isOpen(madrid("2026-12-04T14:30"))).isFalse();
        assertThat(calendar.isOpen(madrid("2026-12-04T15:30"))).isTrue();
        assertThat(calendar.isClosureDay(LocalDate.parse("2026-12-25"))).isTrue();
    }

    @Test
    void hoursChangedByAnotherInstanceAreReadWithinTheRefreshTime() {
        assertThat(hours.calendar().zone().getId()).isEqualTo("UTC");
        // what another instance's PUT leaves behind, without this instance hearing of it
        jdbc.sql("insert into business_hours (id, timezone, updated_at) values (1, 'Europe/Amsterdam', now())")
                .update();

        assertThat(hours.calendar().zone().getId()).isEqualTo("UTC");
        clock.advance(Duration.ofSeconds(5));
        assertThat(hours.calendar().zone().getId()).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void theAwayMessageSpeaksTheCustomersLanguageAboutTheStoredHours() {
        json(mvc, HttpMethod.PUT, "/api/v1/business-hours", MADRID_HOURS)
                .assertThat()
                .hasStatusOk();

        assertThat(awayMessages.awayMessage(Locale.forLanguageTag("es"), madrid("2026-12-01T16:00")))
                .isEqualTo("Ahora estamos cerrados. Volvemos el viernes a las 09:00.");
        assertThat(awayMessages.awayMessage(Locale.forLanguageTag("nl"), madrid("2026-12-25T10:00")))
                .isEqualTo("Vandaag zijn we gesloten vanwege Navidad. We zijn er weer op maandag om 09:00.");
        assertThat(awayMessages.awayMessage(Locale.forLanguageTag("de"), madrid("2026-12-04T19:00")))
                .isEqualTo("We're closed right now. We're back on Monday at 09:00.");
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertRefused("""
                {"timezone": "Europe/Atlantis", "weekly": {}}""", "timezone", "Europe/Atlantis");
    }

    @Test
    void anUnknownDayKeyIsRefused() {
        assertRefused("""
                {"timezone": "UTC", "weekly": {"monday": [["09:00", "18:00"]]}}""", "weekly.monday", "not a day");
    }

    @Test
    void aMalformedTimeIsRefused() {
        assertRefused("""
                {"timezone": "UTC", "weekly": {"mon": [["9:00", "18:00"]]}}""", "weekly.mon[0]", "'9:00'");
        assertRefused("""
                {"timezone": "UTC", "weekly": {"tue": [["09:00", "25:00"]]}}""", "weekly.tue[0]", "'25:00'");
        assertRefused("""
                {"timezone": "UTC", "weekly": {"wed": [["09:00"]]}}""", "weekly.wed[0]", "pair of times");
    }

    @Test
    void aShiftThatDoesNotEndAfterItStartsIsRefused() {
        assertRefused("""
                {"timezone": "UTC", "weekly": {"thu": [["09:00", "14:00"], ["18:00", "15:00"]]}}""", "weekly.thu[1]", "end after it starts");
        assertRefused("""
                {"timezone": "UTC", "weekly": {"thu": [["09:00", "09:00"]]}}""", "weekly.thu[0]", "end after it starts");
    }

    @Test
    void overlappingShiftsInADayAreRefused() {
        assertRefused("""
                {"timezone": "UTC", "weekly": {"fri": [["09:00", "14:00"], ["13:30", "18:00"]]}}""", "weekly.fri[1]", "overlaps weekly.fri[0]");
    }

    @Test
    void aClosureDateGivenTwiceIsRefused() {
        assertRefused("""
                {"timezone": "UTC", "weekly": {},
                 "closures": [{"date": "2026-12-25"}, {"date": "2027-01-01"}, {"date": "2026-12-25", "reason": "x"}]}""", "closures[2].date", "2026-12-25");
    }

    @Test
    void aMissingTimeZoneIsRefused() {
        assertRefused("""
                {"weekly": {}}""", "timezone", "");
    }

    @Test
    void aRefusedPutLeavesTheStoredHoursAsTheyWere() {
        json(mvc, HttpMethod.PUT, "/api/v1/business-hours", MADRID_HOURS)
                .assertThat()
                .hasStatusOk();

        json(mvc, HttpMethod.PUT, "/api/v1/business-hours", """
                        {"timezone": "UTC", "weekly": {"mon": [["10:00", "09:00"]]}}""").assertThat().hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(get(mvc, "/api/v1/business-hours"))
                .bodyJson()
                .extractingPath("$.timezone")
                .isEqualTo("Europe/Madrid");
    }

    private void assertRefused(String body, String field, String messagePart) {
        var result = json(mvc, HttpMethod.PUT, "/api/v1/business-hours", body).exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains(messagePart);
        assertThat(jdbc.sql("select count(*) from business_hours")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
