package io.commerce.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A shop's own id: 1 to 128 visible characters, no spaces or control characters. */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = "[\\x21-\\x2E\\x30-\\x5B\\x5D-\\x7E]{1,128}") // ASCII visible, no / or \\ (ECMA-262 too)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ShopId {
    String message() default "must be 1 to 128 visible characters without slashes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
