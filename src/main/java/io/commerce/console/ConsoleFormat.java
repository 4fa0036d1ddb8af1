package io.commerce.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages write lengths of time and dates ({@code @consoleFormat} in templates): compact and the same in
 * English, Spanish and Dutch ({@code 45 s}, {@code 5 min}, {@code 2 h 10 min}, {@code 3 d}); dates as ISO
 * days. Times of day are written by the browser, in the person's own time zone ({@code console.js}).
 */
@Component("consoleFormat")
public class ConsoleFormat {

    public String duration(Duration length) {
        var seconds = Math.max(0, length.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            var minutes = seconds / 60 % 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        return seconds / 86_400 + " d";
    }

    /**
     * A difference of two shares in percentage points, signed, as the reader writes numbers: {@code +9.38} in
     * English, {@code -0,72} in Spanish.
     */
    public String points(double difference) {
        return String.format(LocaleContextHolder.getLocale(), "%+.2f", difference * 100);
    }

    public String date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
