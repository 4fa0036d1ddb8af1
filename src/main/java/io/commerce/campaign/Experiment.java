package io.commerce.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a campaign splits its audience: a control group of {@code controlPercent} held out (recorded, never sent),
 * and the rest among its variants ({@code a}, the campaign's own template, takes what the others leave). Each
 * customer falls in one of 10,000 buckets by a hash of their id and the campaign's, so the split is random
 * across customers, fixed for each, and independent between campaigns.
 */
record Experiment(BigDecimal controlPercent, List<Variant> variants) {

    static final String BASE = "a";
    static final int BUCKETS = 10_000;

    Experiment {
        controlPercent = controlPercent == null ? BigDecimal.ZERO : controlPercent;
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    static Experiment none() {
        return new Experiment(BigDecimal.ZERO, List.of());
    }

    /** One part of the audience: buckets {@code from} (inclusive) to {@code to}, with what it gets. */
    record Arm(String name, String template, Map<String, String> params, int from, int to, boolean heldOut) {}

    /** The control group (when any) and every variant, each with its buckets; the base variant first. */
    List<Arm> arms(String template, Map<String, String> params) {
        var arms = new ArrayList<Arm>();
        var control = buckets(controlPercent, BUCKETS);
        if (control > 0) {
            arms.add(new Arm("control", template, params, 0, control, true));
        }
        var rest = BUCKETS - control;
        var next = control;
        var others = new ArrayList<Arm>();
        for (var variant : variants) {
            var size = buckets(variant.percent(), rest);
            others.add(new Arm(variant.name(), variant.template(), variant.params(), 0, size, false));
        }
        var baseSize = rest - others.stream().mapToInt(Arm::to).sum();
        arms.add(new Arm(BASE, template, params, next, next + baseSize, false));
        next += baseSize;
        for (var other : others) {
            arms.add(new Arm(other.name(), other.template(), other.params(), next, next + other.to(), false));
            next += other.to();
        }
        return arms;
    }

    private static int buckets(BigDecimal percent, int of) {
        return percent.multiply(BigDecimal.valueOf(of))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .intValue();
    }
}
