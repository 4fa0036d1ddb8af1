package io.commerce.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A customer as stored: phone in E.164, defaults filled in. */
public record CustomerProfile(
        String customerId,
        String phone,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String email,
        String language,
        String timezone,
        @Nullable LocalDate birthday,
        List<String> tags,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {}
