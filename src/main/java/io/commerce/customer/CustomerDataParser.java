package io.commerce.customer;

import io.commerce.shared.InvalidValueException;
import io.commerce.shared.LanguageTag;
import io.commerce.shared.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns what the shop sent into {@link CustomerData}: the phone parsed to E.164, the language
 * canonicalised or defaulted, the time zone checked or inferred from the phone number.
 */
@Component
class CustomerDataParser {

    private final CustomerProperties properties;
    private final LanguageTag defaultLanguage;

    CustomerDataParser(CustomerProperties properties) {
        this.properties = properties;
        this.defaultLanguage = LanguageTag.parse(properties.defaultLanguage());
    }

    CustomerData parse(CustomerDetails details) {
        var phone = PhoneNumber.parse(details.phone(), properties.defaultRegion());
        var language = isBlank(details.language()) ? defaultLanguage : LanguageTag.parse(details.language());
        var timezone = isBlank(details.timezone()) ? inferZone(phone) : zone(details.timezone());
        var tags = details.tags() == null
                ? List.<String>of()
                : List.copyOf(new LinkedHashSet<>(
                        details.tags().stream().map(String::strip).toList()));
        var attributes = details.attributes() == null ? Map.<String, Object>of() : details.attributes();
        return new CustomerData(
                phone,
                blankToNull(details.firstName()),
                blankToNull(details.lastName()),
                blankToNull(details.email()),
                language,
                timezone,
                details.birthday(),
                tags,
                attributes);
    }

    /** The number's zone; for numbers spanning zones, the region's configured main zone. */
    private ZoneId inferZone(PhoneNumber phone) {
        var candidates = phone.timeZones();
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        var regional = properties.regionTimezones().get(phone.region());
        if (regional != null) {
            return regional;
        }
        return candidates.isEmpty() ? properties.defaultTimezone() : candidates.getFirst();
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("timezone", "'%s' is not an IANA time zone".formatted(text));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
