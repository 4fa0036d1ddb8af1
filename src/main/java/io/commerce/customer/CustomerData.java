package io.commerce.customer;

import io.commerce.shared.LanguageTag;
import io.commerce.shared.PhoneNumber;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A customer's details after parsing and defaulting: what is compared and stored. */
record CustomerData(
        PhoneNumber phone,
        String firstName,
        String lastName,
        String email,
        LanguageTag language,
        ZoneId timezone,
        LocalDate birthday,
        List<String> tags,
        Map<String, Object> attributes) {}
