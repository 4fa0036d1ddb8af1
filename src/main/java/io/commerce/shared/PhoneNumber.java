package io.commerce.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid phone number in E.164 form ({@code +34612345678}), parsed and validated by libphonenumber.
 * {@link #toString()} masks the number so that it can be logged; {@link #e164()} is the full value.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_ZONE = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
    }

    /**
     * Parses any common notation ({@code +34 612 345 678}, {@code 0034612345678}, {@code (+34) 612-345-678}).
     *
     * @param defaultRegion ISO 3166 region for numbers written without a country code, or {@code null}
     *     to accept only international notation
     * @throws InvalidPhoneNumberException when the text is not a valid, dialable number
     */
    public static PhoneNumber parse(String text, String defaultRegion) {
        if (text == null || text.isBlank()) {
            throw new InvalidPhoneNumberException("a phone number is required");
        }
        try {
            var parsed = UTIL.parse(text.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
            if (!UTIL.isValidNumber(parsed)) {
                throw new InvalidPhoneNumberException("'%s' is not a valid phone number".formatted(mask(text)));
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(
                    "'%s' is not a phone number in international notation".formatted(mask(text)));
        }
    }

    /** ISO 3166 region of the number, e.g. {@code ES}. */
    public String region() {
        return UTIL.getRegionCodeForNumber(proto());
    }

    /** The time zone the number belongs to, when the number's country or area has exactly one. */
    public Optional<ZoneId> timeZone() {
        return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(proto()).stream()
                .filter(zone -> !zone.equals(UNKNOWN_ZONE))
                .findFirst()
                .map(ZoneId::of);
    }

    /** The number with its middle hidden, for logs: {@code +34*****678}. */
    public String masked() {
        return mask(e164);
    }

    @Override
    public String toString() {
        return masked();
    }

    private com.google.i18n.phonenumbers.Phonenumber.PhoneNumber proto() {
        try {
            return UTIL.parse(e164, "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalStateException("stored phone number is not E.164", e);
        }
    }

    private static String mask(String text) {
        var digits = text.strip();
        if (digits.length() <= 6) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3);
    }
}
