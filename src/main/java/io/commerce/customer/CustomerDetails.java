package io.commerce.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the shop tells about a customer in {@code PUT /api/v1/customers/{id}}. Only {@code phone} is
 * required; language, time zone, tags and attributes get defaults.
 */
public record CustomerDetails(
        @NotBlank @Size(max = 64) String phone,
        @Size(max = 200) String firstName,
        @Size(max = 200) String lastName,
        @Email @Size(max = 320) String email,
        @Size(max = 35) String language,
        @Size(max = 64) String timezone,
        LocalDate birthday,
        @Size(max = 50) List<@NotNull @NotBlank @Size(max = 64) String> tags,
        @Size(max = 100) Map<@Size(max = 64) String, Object> attributes) {}
