package io.commerce.conversation.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The away message a customer gets outside business hours, in their language (English, Spanish, Dutch;
 * English for any other), naming the next opening in the shop's time zone: "Ahora estamos cerrados.
 * Volvemos el lunes a las 09:00.", "today" or "tomorrow" when that is when, the date when it is more than
 * six days away; on a closure day with a reason, that reason ("Hoy cerramos por Navidad."). The words are
 * the {@code hours.away.*} keys of the {@code i18n/conversation} bundle.
 */
@Component
public class AwayMessages {

    private final BusinessHours hours;
    private final MessageSource messages;

    AwayMessages(BusinessHours hours, MessageSource messages) {
        this.hours = hours;
        this.messages = messages;
    }

    /**
     * The away message for a customer speaking {@code language} writing at {@code now}, meant for when
     * {@link BusinessHours#calendar()} says the shop is closed.
     */
    public String awayMessage(Locale language, Instant now) {
        return awayMessage(hours.calendar(), language, now);
    }

    String awayMessage(BusinessCalendar calendar, Locale language, Instant now) {
        var locale = language == null ? Locale.ENGLISH : language;
        var today = LocalDate.ofInstant(now, calendar.zone());
        var closed = calendar.closureReason(today)
                .map(reason -> text("hours.away.closed-today", locale, reason))
                .orElseGet(() -> text("hours.away.closed", locale));
        var back = calendar.nextOpening(now)
                .map(opening -> back(opening, today, locale))
                .orElseGet(() -> text("hours.away.back-later", locale));
        return closed + " " + back;
    }

    private String back(ZonedDateTime opening, LocalDate today, Locale locale) {
        // day and month names in the language the bundle answered in, not in one it does not speak
        var wordsIn = Locale.forLanguageTag(text("hours.away.language", locale));
        var time = DateTimeFormatter.ofPattern(text("hours.away.time-pattern", locale), wordsIn)
                .format(opening);
        var days = ChronoUnit.DAYS.between(today, opening.toLocalDate());
        if (days == 0) {
            return text("hours.away.back-today", locale, time);
        }
        if (days == 1) {
            return text("hours.away.back-tomorrow", locale, time);
        }
        var dayPattern = days < 7 ? "EEEE" : text("hours.away.date-pattern", locale);
        var day = DateTimeFormatter.ofPattern(dayPattern, wordsIn).format(opening);
        return text("hours.away.back-on", locale, day, time);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
