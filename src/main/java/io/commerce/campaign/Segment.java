package io.commerce.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Whom a campaign is for; every criterion given must hold, none given means every customer who may get
 * marketing on the channel. {@code tags}: the customer has all of them; {@code language}: the customer's
 * language is this one or a regional form of it ({@code es} takes {@code es-MX}); {@code purchasedCategory}:
 * the customer ordered a product of this catalog category; {@code orderedWithinDays} / {@code
 * notOrderedWithinDays}: an order placed (or none) within that many days before the launch. Cancelled orders
 * do not count. {@code tiers}: the customer's loyalty tier (by rolling 12-month spend) is one of these.
 */
public record Segment(
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> tags,
        @Size(max = 35) String language,
        @Size(max = 200) String purchasedCategory,
        @Positive @Max(3650) Integer orderedWithinDays,
        @Positive @Max(3650) Integer notOrderedWithinDays,
        @Size(max = 20) List<@NotBlank @Size(max = 32) String> tiers) {

    public Segment {
        tags = tags == null ? List.of() : List.copyOf(tags);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    /** A segment without loyalty tiers. */
    public Segment(
            List<String> tags,
            String language,
            String purchasedCategory,
            Integer orderedWithinDays,
            Integer notOrderedWithinDays) {
        this(tags, language, purchasedCategory, orderedWithinDays, notOrderedWithinDays, null);
    }

    static Segment everyone() {
        return new Segment(List.of(), null, null, null, null);
    }
}
