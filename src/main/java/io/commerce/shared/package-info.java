/**
 * Value types every module speaks: phone numbers, languages, channels, purposes, money, pages and the
 * base of all domain exceptions. It owns no data, publishes nothing and depends on nothing.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.commerce.shared;

import org.springframework.modulith.ApplicationModule;
