package io.commerce.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A customer as stored: phone in E.164, defaults filled in. */
public record CustomerProfile(
        String customerId,
        String phone,
        String firstName,
        String lastName,
        String email,
        String language,
        String timezone,
        LocalDate birthday,
        List<String> tags,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {}
