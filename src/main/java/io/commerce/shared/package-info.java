/**
 * Value types every module speaks: phone numbers, languages, channels, purposes, money, pages and the
 * base of all domain exceptions; and the one way a repository reads or writes many rows together in the
 * caller's transaction ({@link io.commerce.shared.ReadTogether}, {@link io.commerce.shared.WrittenTogether}).
 * It owns no data, publishes nothing and depends on no other module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.commerce.shared;

import org.springframework.modulith.ApplicationModule;
