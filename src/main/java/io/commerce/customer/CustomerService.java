package io.commerce.customer;

import io.commerce.shared.PageRequest;
import io.commerce.shared.Paged;
import io.commerce.shared.UnknownReferenceException;
import io.commerce.shared.Upserted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The customer module's public face: mirror, read, list, export and erase customers. */
@Service
public class CustomerService {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {};

    private final CustomerRepository customers;
    private final CustomerDataParser parser;
    private final List<PersonalDataHolder> holders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Birthdays birthdays;

    CustomerService(
            CustomerRepository customers,
            CustomerDataParser parser,
            List<PersonalDataHolder> holders,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc,
            JsonMapper json,
            Birthdays birthdays) {
        this.customers = customers;
        this.parser = parser;
        this.holders = holders;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.birthdays = birthdays;
    }

    private CustomerProfile profile(ResultSet row, int n) throws SQLException {
        var birthday = row.getObject("birthday", LocalDate.class);
        var tags = (String[]) row.getArray("tags").getArray();
        var attributes = row.getString("attributes");
        return new CustomerProfile(
                row.getString("id"),
                row.getString("phone"),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("email"),
                row.getString("language"),
                row.getString("timezone"),
                birthday,
                List.of(tags),
                attributes == null ? Map.of() : json.readValue(attributes, ATTRIBUTES),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    /** Creates or updates a customer; publishes {@link CustomerRegistered} on creation only. */
    @Transactional
    public Upserted<CustomerProfile> upsert(String customerId, CustomerDetails details) {
        var data = parser.parse(details);
        var now = clock.instant();
        var customer = customers.findById(customerId).orElseGet(() -> new Customer(customerId));
        if (!customer.isActive()) {
            events.publishEvent(customer.register(data, now));
            return new Upserted<>(customers.save(customer).profile(), true);
        }
        customer.update(data, now);
        return new Upserted<>(customer.profile(), false);
    }

    @Transactional(readOnly = true)
    public CustomerProfile get(String customerId) {
        return active(customerId).profile();
    }

    /**
     * The customer, if it exists and is not erased; unlike {@link #get} it never throws. Read with SQL, no
     * entity loaded (every message queued asks): a change not yet flushed in the caller's transaction is not
     * seen.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(findAll(List.of(customerId)).get(customerId));
    }

    /**
     * The customers of these ids that exist and are not erased, by id, in one query; read with SQL, no entity
     * loaded (for code that answers many messages a second): a change not yet flushed in the caller's
     * transaction is not seen.
     */
    @Transactional(readOnly = true)
    public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        // by primary key alone, the rest filtered here: given "erased_at is null" too, PostgreSQL may combine the
        // key with the partial phone index and read that whole index (it did, 3 ms a lookup of 20, after a bulk load)
        return jdbc
                .sql("select * from customer where id = any(:ids)")
                .param("ids", customerIds.toArray(String[]::new))
                .query((row, n) -> row.getTimestamp("created_at") == null || row.getTimestamp("erased_at") != null
                        ? null
                        : profile(row, n))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .collect(Collectors.toMap(CustomerProfile::customerId, Function.identity()));
    }

    /**
     * The customers whose birthday's {@code morning}, local time in their own time zone, comes after {@code from}
     * and no later than {@code to}, with the year it is celebrated (29 February on 28 February in other years).
     */
    @Transactional(readOnly = true)
    public List<BirthdayDue> birthdaysBetween(Instant from, Instant to, LocalTime morning) {
        return birthdays.between(from, to, morning);
    }

    /** The customer with this E.164 number; with several, the one updated last. */
    @Transactional(readOnly = true)
    public Optional<CustomerProfile> findByPhone(String e164) {
        return customers
                .findFirstByPhoneAndErasedAtIsNullOrderByUpdatedAtDesc(e164)
                .map(Customer::profile);
    }

    /**
     * The customers with these E.164 numbers, by number, in one query (a batch of inbound messages); with
     * several customers on one number, the one updated last. Numbers no customer has are absent.
     */
    @Transactional(readOnly = true)
    public Map<String, String> customerIdsByPhone(Collection<String> phones) {
        if (phones.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select distinct on (phone) phone, id from customer
                         where phone = any(:phones) and erased_at is null
                         order by phone, updated_at desc
                        """)
                .param("phones", phones.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("phone"), rs.getString("id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional(readOnly = true)
    public boolean exists(String customerId) {
        return find(customerId).isPresent();
    }

    /** Throws {@link CustomerNotFoundException} unless the customer exists and is not erased. */
    @Transactional(readOnly = true)
    public void requireExisting(String customerId) {
        active(customerId);
    }

    /**
     * Throws {@link UnknownReferenceException} ({@code UNKNOWN_CUSTOMER}, 422) unless the customer a
     * request body names exists: for carts and orders, whose path names something else.
     */
    @Transactional(readOnly = true)
    public void requireReferenced(String customerId) {
        if (!exists(customerId)) {
            throw new UnknownReferenceException(
                    "UNKNOWN_CUSTOMER", "customer '%s' does not exist".formatted(customerId));
        }
    }

    @Transactional(readOnly = true)
    public Paged<CustomerProfile> list(String tag, PageRequest page) {
        var pageable = org.springframework.data.domain.PageRequest.of(page.page(), page.size(), Sort.by("id"));
        var result = tag == null || tag.isBlank()
                ? customers.findActive(pageable)
                : customers.findActiveByTag(tag.strip(), pageable);
        return new Paged<>(
                result.map(Customer::profile).getContent(), page.page(), page.size(), result.getTotalElements());
    }

    /** Everything held about the customer across modules (GDPR art. 15 and 20). */
    @Transactional(readOnly = true)
    public Map<String, Object> export(String customerId) {
        var export = new LinkedHashMap<String, Object>();
        export.put("customer", active(customerId).profile());
        holders.forEach(holder -> export.put(holder.section(), holder.export(customerId)));
        return export;
    }

    /**
     * Erases the customer's personal data here and in every {@link PersonalDataHolder}, in one
     * transaction, and publishes {@link CustomerErased} for modules that react later.
     */
    @Transactional
    public void erase(String customerId) {
        var customer = active(customerId);
        holders.forEach(holder -> holder.erase(customerId));
        events.publishEvent(customer.erase(clock.instant()));
    }

    private Customer active(String customerId) {
        return customers
                .findById(customerId)
                .filter(Customer::isActive)
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
    }
}
