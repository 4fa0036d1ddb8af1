package io.commerce.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a campaign splits its audience: a control group of {@code controlPercent} held out (recorded, never sent),
 * and the rest among its variants ({@code a}, the campaign's own template, takes what the others leave). With
 * {@code testPercent}, the variants go to that share of the rest only, and {@code winnerAfter} the launch the
 * variant that did best ({@code winner}) goes to the others, as variant {@code rest}. Each customer falls in one
 * of 10,000 buckets by a hash of their id and the campaign's, so the split is random across customers, fixed
 * for each, and independent between campaigns.
 */
record Experiment(
        BigDecimal controlPercent,
        List<Variant> variants,
        @Nullable BigDecimal testPercent,
        @Nullable Duration winnerAfter,
        @Nullable String winner) {

    static final String BASE = "a";
    static final String CONTROL = "control";
    static final String REST = "rest";
    static final int BUCKETS = 10_000;

    Experiment {
        controlPercent = controlPercent == null ? BigDecimal.ZERO : controlPercent;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    static Experiment none() {
        return new Experiment(BigDecimal.ZERO, List.of(), null, null, null);
    }

    /** One part of the audience: buckets {@code from} (inclusive) to {@code to}, with what it gets. */
    record Arm(String name, String template, Map<String, String> params, int from, int to, boolean heldOut) {}

    /** The arms queued at launch: the control group (when any) and every variant; the base variant first. */
    List<Arm> arms(String template, Map<String, String> params) {
        var arms = new ArrayList<Arm>();
        var control = controlBuckets();
        if (control > 0) {
            arms.add(new Arm(CONTROL, template, params, 0, control, true));
        }
        var tested = testedBuckets();
        var next = control;
        var others = new ArrayList<Arm>();
        for (var variant : variants) {
            var size = buckets(variant.percent(), tested);
            others.add(new Arm(variant.name(), variant.template(), variant.params(), 0, size, false));
        }
        var baseSize = tested - others.stream().mapToInt(Arm::to).sum();
        arms.add(new Arm(BASE, template, params, next, next + baseSize, false));
        next += baseSize;
        for (var other : others) {
            arms.add(new Arm(other.name(), other.template(), other.params(), next, next + other.to(), false));
            next += other.to();
        }
        return arms;
    }

    /** The customers left for the winner: what the control group and the tested variants did not take. */
    Arm rest(String winner, String template, Map<String, String> params) {
        var chosen = variants.stream()
                .filter(variant -> variant.name().equals(winner))
                .findFirst();
        return new Arm(
                REST,
                chosen.map(Variant::template).orElse(template),
                chosen.map(Variant::params).orElse(params),
                controlBuckets() + testedBuckets(),
                BUCKETS,
                false);
    }

    /** The experiment once its winner is chosen. */
    Experiment won(String chosen) {
        return new Experiment(controlPercent, variants, testPercent, winnerAfter, chosen);
    }

    private int controlBuckets() {
        return buckets(controlPercent, BUCKETS);
    }

    private int testedBuckets() {
        var rest = BUCKETS - controlBuckets();
        return testPercent == null ? rest : buckets(testPercent, rest);
    }

    private static int buckets(BigDecimal percent, int of) {
        return percent.multiply(BigDecimal.valueOf(of))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .intValue();
    }
}
