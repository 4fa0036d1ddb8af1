package io.commerce.conversation.hours;

import static io.commerce.conversation.hours.Calendars.SPLIT;
import static io.commerce.conversation.hours.Calendars.calendar;
import static io.commerce.conversation.hours.Calendars.madrid;
import static io.commerce.conversation.hours.Calendars.madridWeekdays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The away message's wording in English, Spanish and Dutch, with the bundle configured as in
 * {@code application.yml}. The shop is in Madrid (Monday to Friday, split shifts, closed on Christmas Day
 * 2026); the customer may be anywhere, and the opening is always stated in Madrid time.
 */
class AwayMessagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Locale NL = Locale.forLanguageTag("nl");

    private final AwayMessages messages = new AwayMessages(null, bundle());
    private final BusinessCalendar weekdays = madridWeekdays();

    @Test
    void afterFridaysCloseTheMessageNamesMondayInEachLanguage() {
        var fridayEvening = madrid("2026-12-04T19:30");

        assertThat(messages.awayMessage(weekdays, ES, fridayEvening))
                .isEqualTo("Ahora estamos cerrados. Volvemos el lunes a las 09:00.");
        assertThat(messages.awayMessage(weekdays, NL, fridayEvening))
                .isEqualTo("We zijn nu gesloten. We zijn er weer op maandag om 09:00.");
        assertThat(messages.awayMessage(weekdays, Locale.ENGLISH, fridayEvening))
                .isEqualTo("We're closed right now. We're back on Monday at 09:00.");
    }

    @Test
    void aCustomerInMexicoWritingOnFridayAfternoonTheirTimeHearsOfMondayAtNineMadridTime() {
        // Friday 18:00 in Mexico City is Saturday 01:00 in Madrid: for the shop it is the weekend
        var fridayInMexico = Instant.parse("2026-12-05T00:00:00Z");

        assertThat(messages.awayMessage(weekdays, Locale.forLanguageTag("es-MX"), fridayInMexico))
                .isEqualTo("Ahora estamos cerrados. Volvemos el lunes a las 09:00.");
    }

    @Test
    void beforeTheFirstShiftOrOverLunchItSaysToday() {
        assertThat(messages.awayMessage(weekdays, ES, madrid("2026-11-30T07:45")))
                .isEqualTo("Ahora estamos cerrados. Volvemos hoy a las 09:00.");
        assertThat(messages.awayMessage(weekdays, NL, madrid("2026-11-30T14:20")))
                .isEqualTo("We zijn nu gesloten. We zijn er vandaag weer om 15:00.");
        assertThat(messages.awayMessage(weekdays, Locale.ENGLISH, madrid("2026-11-30T14:20")))
                .isEqualTo("We're closed right now. We're back today at 15:00.");
    }

    @Test
    void afterAWeekdaysCloseItSaysTomorrow() {
        var mondayNight = madrid("2026-11-30T21:00");

        assertThat(messages.awayMessage(weekdays, ES, mondayNight))
                .isEqualTo("Ahora estamos cerrados. Volvemos mañana a las 09:00.");
        assertThat(messages.awayMessage(weekdays, NL, mondayNight))
                .isEqualTo("We zijn nu gesloten. We zijn er morgen weer om 09:00.");
        assertThat(messages.awayMessage(weekdays, Locale.ENGLISH, mondayNight))
                .isEqualTo("We're closed right now. We're back tomorrow at 09:00.");
    }

    @Test
    void onAClosureDayItGivesTheReasonAndTheOpeningAfterTheWeekend() {
        var christmasMorning = madrid("2026-12-25T11:00");

        assertThat(messages.awayMessage(weekdays, ES, christmasMorning))
                .isEqualTo("Hoy cerramos por Navidad. Volvemos el lunes a las 09:00.");
        assertThat(messages.awayMessage(weekdays, NL, christmasMorning))
                .isEqualTo("Vandaag zijn we gesloten vanwege Navidad. We zijn er weer op maandag om 09:00.");
        assertThat(messages.awayMessage(weekdays, Locale.ENGLISH, christmasMorning))
                .isEqualTo("We're closed today for Navidad. We're back on Monday at 09:00.");
    }

    @Test
    void theEveningBeforeAClosureDayItSkipsTheClosureDay() {
        assertThat(messages.awayMessage(weekdays, ES, madrid("2026-12-24T20:00")))
                .isEqualTo("Ahora estamos cerrados. Volvemos el lunes a las 09:00.");
    }

    @Test
    void aClosureWithoutReasonSaysClosedRightNow() {
        var closed = calendar(
                "Europe/Madrid",
                Map.of("mon", SPLIT),
                new OpeningHours.ClosureDay(LocalDate.parse("2026-11-30"), null));

        assertThat(messages.awayMessage(closed, ES, madrid("2026-11-30T10:00")))
                .isEqualTo("Ahora estamos cerrados. Volvemos el lunes 7 de diciembre a las 09:00.");
    }

    @Test
    void anOpeningAWeekOrMoreAwayIsGivenWithItsDate() {
        var holidays = calendar(
                "Europe/Madrid",
                Map.of("mon", SPLIT),
                new OpeningHours.ClosureDay(LocalDate.parse("2026-12-28"), "vacaciones"));
        var christmasEve = madrid("2026-12-24T10:00");

        assertThat(messages.awayMessage(holidays, ES, christmasEve))
                .isEqualTo("Ahora estamos cerrados. Volvemos el lunes 4 de enero a las 09:00.");
        assertThat(messages.awayMessage(holidays, NL, christmasEve))
                .isEqualTo("We zijn nu gesloten. We zijn er weer op maandag 4 januari om 09:00.");
        assertThat(messages.awayMessage(holidays, Locale.ENGLISH, christmasEve))
                .isEqualTo("We're closed right now. We're back on Monday 4 January at 09:00.");
    }

    @Test
    void otherLanguagesGetEnglishWithEnglishDayNames() {
        assertThat(messages.awayMessage(weekdays, Locale.FRENCH, madrid("2026-12-04T19:30")))
                .isEqualTo("We're closed right now. We're back on Monday at 09:00.");
        assertThat(messages.awayMessage(weekdays, null, madrid("2026-12-04T19:30")))
                .isEqualTo("We're closed right now. We're back on Monday at 09:00.");
    }

    @Test
    void aShopThatNeverOpensPromisesAnAnswerWithoutATime() {
        var never = calendar("Europe/Madrid", Map.of());

        assertThat(messages.awayMessage(never, ES, madrid("2026-12-04T19:30")))
                .isEqualTo("Ahora estamos cerrados. Te responderemos en cuanto volvamos.");
        assertThat(messages.awayMessage(never, Locale.ENGLISH, madrid("2026-12-04T19:30")))
                .isEqualTo("We're closed right now. We'll answer as soon as we're back.");
    }

    private static ResourceBundleMessageSource bundle() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/conversation");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
