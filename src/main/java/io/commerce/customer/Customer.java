package io.commerce.customer;

import io.commerce.shared.LanguageTag;
import io.commerce.shared.PhoneNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer row. Erasure keeps the row (so orders stay attributable to an anonymous id) but blanks
 * every personal field; a later upsert of the same id registers the customer afresh.
 */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    private String id;

    private String phone;
    private String firstName;
    private String lastName;
    private String email;
    private String language;
    private String timezone;
    private LocalDate birthday;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] tags;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> attributes;

    private Instant createdAt;
    private Instant updatedAt;
    private Instant erasedAt;

    @Version
    private long version;

    protected Customer() {}

    Customer(String id) {
        this.id = id;
    }

    boolean isErased() {
        return erasedAt != null;
    }

    boolean isActive() {
        return createdAt != null && erasedAt == null;
    }

    /** Registers the customer (anew after an erasure). */
    CustomerRegistered register(CustomerData data, Instant now) {
        apply(data);
        this.createdAt = now;
        this.updatedAt = now;
        this.erasedAt = null;
        return new CustomerRegistered(id, language, now);
    }

    /** Applies the details; false (and nothing touched) when they equal what is stored. */
    boolean update(CustomerData data, Instant now) {
        if (data.equals(data())) {
            return false;
        }
        apply(data);
        this.updatedAt = now;
        return true;
    }

    CustomerErased erase(Instant now) {
        this.phone = null;
        this.firstName = null;
        this.lastName = null;
        this.email = null;
        this.birthday = null;
        this.tags = new String[0];
        this.attributes = Map.of();
        this.erasedAt = now;
        this.updatedAt = now;
        return new CustomerErased(id, now);
    }

    CustomerProfile profile() {
        return new CustomerProfile(
                id,
                phone,
                firstName,
                lastName,
                email,
                language,
                timezone,
                birthday,
                List.of(tags),
                attributes,
                createdAt,
                updatedAt);
    }

    private CustomerData data() {
        return new CustomerData(
                Optional.ofNullable(phone).map(PhoneNumber::new).orElse(null),
                firstName,
                lastName,
                email,
                language == null ? null : new LanguageTag(language),
                timezone == null ? null : ZoneId.of(timezone),
                birthday,
                tags == null ? List.of() : Arrays.asList(tags),
                attributes);
    }

    private void apply(CustomerData data) {
        this.phone = data.phone().e164();
        this.firstName = data.firstName();
        this.lastName = data.lastName();
        this.email = data.email();
        this.language = data.language().value();
        this.timezone = data.timezone().getId();
        this.birthday = data.birthday();
        this.tags = data.tags().toArray(String[]::new);
        this.attributes = data.attributes();
    }
}
