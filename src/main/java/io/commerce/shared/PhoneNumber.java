package io.commerce.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

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
            var parsed = UTIL.parse(
                    withPlusForInternationalPrefix(text.strip()), defaultRegion == null ? "ZZ" : defaultRegion);
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

    /**
     * The time zones the number may be in, as precise as its prefix tells (one for most countries and
     * landlines, several for mobiles in countries that span zones); empty when unknown.
     */
    public List<ZoneId> timeZones() {
        return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(proto()).stream()
                .filter(zone -> !zone.equals(UNKNOWN_ZONE))
                .map(ZoneId::of)
                .toList();
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

    /** "0034 612…" and "00 34 612…" use the international call prefix most of the world dials. */
    private static String withPlusForInternationalPrefix(String text) {
        return text.startsWith("00") ? "+" + text.substring(2) : text;
    }

    private static String mask(String text) {
        var digits = text.strip();
        if (digits.length() <= 6) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3);
    }
}
