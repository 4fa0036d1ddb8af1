package io.commerce.loyalty;

import io.commerce.promotion.DiscountKind;
import io.commerce.shared.CurrencyCode;
import io.commerce.shared.InvalidValueException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The loyalty programme, every part optional with a sensible default: points per currency unit of a delivered
 * order (in {@code currency}; orders in another currency earn none), pending for {@code pendingPeriod} (the
 * return period) before they can be spent, lapsing {@code expireAfter} after that (P0D: never); bonuses; tiers
 * by rolling 12-month spend with a points multiplier and early access to campaigns; rewards that turn points
 * into a unique discount code; the birthday offer's discount; how many referrals a year earn the referrer a
 * bonus.
 */
public record LoyaltyProgram(
        @CurrencyCode String currency,

        @PositiveOrZero @Digits(integer = 6, fraction = 4) BigDecimal pointsPerCurrencyUnit,

        Period pendingPeriod,
        Period expireAfter,
        @Valid Bonuses bonuses,
        @Size(max = 20) List<@Valid Tier> tiers,
        @Size(max = 100) List<@Valid Reward> rewards,
        @Valid BirthdayOffer birthdayOffer,
        @PositiveOrZero @Max(1000) Integer referralsPerYear) {

    public LoyaltyProgram {
        currency = currency == null ? "EUR" : currency;
        pointsPerCurrencyUnit = pointsPerCurrencyUnit == null ? BigDecimal.ONE : pointsPerCurrencyUnit;
        pendingPeriod = pendingPeriod == null ? Period.ofDays(14) : pendingPeriod;
        expireAfter = expireAfter == null ? Period.ofMonths(12) : expireAfter;
        bonuses = bonuses == null ? new Bonuses(null, null, null) : bonuses;
        tiers = tiers == null ? defaultTiers() : List.copyOf(tiers);
        rewards = rewards == null ? defaultRewards(currency) : List.copyOf(rewards);
        birthdayOffer = birthdayOffer == null ? new BirthdayOffer(null, null, null, null) : birthdayOffer;
        referralsPerYear = referralsPerYear == null ? 10 : referralsPerYear;
    }

    /** Points for a birthday (once a year), a product review the shop confirms, a referral (each side). */
    public record Bonuses(
            @PositiveOrZero @Max(1_000_000) Integer birthday,
            @PositiveOrZero @Max(1_000_000) Integer review,
            @PositiveOrZero @Max(1_000_000) Integer referral) {

        public Bonuses {
            birthday = birthday == null ? 100 : birthday;
            review = review == null ? 50 : review;
            referral = referral == null ? 200 : referral;
        }
    }

    /**
     * A tier: reached by spending {@code minSpend12Months} over the last 12 months; its points are multiplied by
     * {@code multiplier}; its members get campaigns {@code earlyAccess} ahead of everyone else.
     */
    public record Tier(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[a-z0-9_-]+", message = "lower-case letters, digits, - or _")
            String tier,

            @PositiveOrZero @Digits(integer = 10, fraction = 2)
            BigDecimal minSpend12Months,

            @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 4)
            BigDecimal multiplier,

            Duration earlyAccess) {

        public Tier {
            minSpend12Months = minSpend12Months == null ? BigDecimal.ZERO : minSpend12Months;
            multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
            earlyAccess = earlyAccess == null ? Duration.ZERO : earlyAccess;
        }
    }

    /** A reward: {@code points} for a discount code ({@code kind}, {@code value}, valid for {@code validFor}). */
    public record Reward(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, - or _")
            String rewardId,

            @NotBlank @Size(max = 24) String name,
            @Positive @Max(10_000_000) int points,
            DiscountKind kind,

            @Positive @Digits(integer = 10, fraction = 2) BigDecimal value,

            @Nullable @CurrencyCode String currency,

            @PositiveOrZero @Digits(integer = 10, fraction = 2)
            BigDecimal minimumSpend,

            Duration validFor) {

        public Reward {
            kind = kind == null ? DiscountKind.AMOUNT : kind;
            minimumSpend = minimumSpend == null ? BigDecimal.ZERO : minimumSpend;
            validFor = validFor == null ? Duration.ofDays(31) : validFor;
        }
    }

    /** The discount a customer's birthday message carries (a code valid for {@code validFor}). */
    public record BirthdayOffer(
            DiscountKind kind,
            @Positive @Digits(integer = 10, fraction = 2) BigDecimal value,

            @Nullable @CurrencyCode String currency,

            Duration validFor) {

        public BirthdayOffer {
            kind = kind == null ? DiscountKind.PERCENT : kind;
            value = value == null ? BigDecimal.TEN : value;
            validFor = validFor == null ? Duration.ofDays(7) : validFor;
        }
    }

    /** What bean validation cannot say: periods not negative, tiers that do not overlap, rewards named once. */
    void check() {
        if (pendingPeriod.isNegative()) {
            throw new InvalidValueException("pendingPeriod", "must not be negative");
        }
        if (expireAfter.isNegative()) {
            throw new InvalidValueException("expireAfter", "must not be negative (P0D: points never lapse)");
        }
        var names = new HashSet<String>();
        var thresholds = new HashSet<BigDecimal>();
        for (var tier : tiers) {
            if (!names.add(tier.tier())) {
                throw new InvalidValueException("tiers", "tier '%s' is defined twice".formatted(tier.tier()));
            }
            if (!thresholds.add(tier.minSpend12Months().stripTrailingZeros())) {
                throw new InvalidValueException(
                        "tiers",
                        "tiers overlap: two start at a 12-month spend of "
                                + tier.minSpend12Months().toPlainString());
            }
            if (tier.earlyAccess().isNegative()) {
                throw new InvalidValueException("tiers", "early access must not be negative");
            }
        }
        var rewardIds = new HashSet<String>();
        for (var reward : rewards) {
            if (!rewardIds.add(reward.rewardId())) {
                throw new InvalidValueException("rewards", "reward '%s' is defined twice".formatted(reward.rewardId()));
            }
            if (reward.value() == null) {
                throw new InvalidValueException("rewards", "reward '%s' needs a value".formatted(reward.rewardId()));
            }
            if (reward.kind() == DiscountKind.AMOUNT && reward.currency() == null) {
                throw new InvalidValueException(
                        "rewards", "reward '%s' is an amount off and needs a currency".formatted(reward.rewardId()));
            }
            if (reward.validFor().isNegative() || reward.validFor().isZero()) {
                throw new InvalidValueException(
                        "rewards", "reward '%s' must be valid for some time".formatted(reward.rewardId()));
            }
        }
        if (birthdayOffer.kind() == DiscountKind.AMOUNT && birthdayOffer.currency() == null) {
            throw new InvalidValueException("birthdayOffer", "an amount off needs a currency");
        }
    }

    /** The tier a 12-month spend reaches: the one with the highest threshold not above it; none below all. */
    Optional<Tier> tierFor(BigDecimal spend12Months) {
        return tiers.stream()
                .filter(tier -> tier.minSpend12Months().compareTo(spend12Months) <= 0)
                .max(Comparator.comparing(Tier::minSpend12Months));
    }

    /** The next tier above a 12-month spend, if any. */
    Optional<Tier> nextTierAfter(BigDecimal spend12Months) {
        return tiers.stream()
                .filter(tier -> tier.minSpend12Months().compareTo(spend12Months) > 0)
                .min(Comparator.comparing(Tier::minSpend12Months));
    }

    /** When points earned at an instant can be spent: after the pending period. */
    Instant availableFrom(Instant earnedAt) {
        return earnedAt.atZone(ZoneOffset.UTC).plus(pendingPeriod).toInstant();
    }

    /** When a lot available from an instant lapses; never when points do not expire. */
    @Nullable
    Instant expiryOf(Instant availableAt) {
        return expireAfter.isZero()
                ? null
                : availableAt.atZone(ZoneOffset.UTC).plus(expireAfter).toInstant();
    }

    /** Points an amount earns at a tier's multiplier: whole points, rounded down. */
    int pointsFor(BigDecimal amount, Optional<Tier> tier) {
        var multiplier = tier.map(Tier::multiplier).orElse(BigDecimal.ONE);
        return amount.multiply(pointsPerCurrencyUnit)
                .multiply(multiplier)
                .setScale(0, RoundingMode.FLOOR)
                .intValueExact();
    }

    Optional<Reward> reward(String rewardId) {
        return rewards.stream().filter(r -> r.rewardId().equals(rewardId)).findFirst();
    }

    private static List<Tier> defaultTiers() {
        return List.of(
                new Tier("member", BigDecimal.ZERO, BigDecimal.ONE, Duration.ZERO),
                new Tier("silver", new BigDecimal("300"), new BigDecimal("1.25"), Duration.ZERO),
                new Tier("gold", new BigDecimal("1000"), new BigDecimal("1.5"), Duration.ofHours(12)),
                new Tier("vip", new BigDecimal("3000"), new BigDecimal("2"), Duration.ofHours(24)));
    }

    private static List<Reward> defaultRewards(String currency) {
        return List.of(
                new Reward("five-off", "5 off", 100, DiscountKind.AMOUNT, new BigDecimal("5"), currency, null, null),
                new Reward("ten-percent", "10 % off", 250, DiscountKind.PERCENT, BigDecimal.TEN, null, null, null),
                new Reward(
                        "twenty-off",
                        "20 off",
                        350,
                        DiscountKind.AMOUNT,
                        new BigDecimal("20"),
                        currency,
                        new BigDecimal("60"),
                        null));
    }
}
