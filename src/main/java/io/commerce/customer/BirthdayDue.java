package io.commerce.customer;

import java.time.Instant;

/** A customer's birthday morning: the year it is celebrated and the instant it comes in their time zone. */
public record BirthdayDue(String customerId, int year, Instant morning) {}
