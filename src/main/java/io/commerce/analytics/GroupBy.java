package io.commerce.analytics;

/**
 * What a performance report's rows are: one per campaign, journey, journey step, template, channel, variant or
 * source, or one row of everything ({@code total}).
 */
public enum GroupBy {
    CAMPAIGN("campaign_id", "source = 'campaign'"),
    JOURNEY("journey", "source = 'journey'"),
    STEP("journey || '/' || step", "source = 'journey'"),
    TEMPLATE("template_key", "template_key <> ''"),
    CHANNEL("lower(channel)", "true"),
    VARIANT("variant", "variant <> ''"),
    SOURCE("source", "true"),
    TOTAL("'total'", "true");

    /** The row's key and which figures have one: fixed SQL, never input. */
    final String key;

    final String having;

    GroupBy(String key, String having) {
        this.key = key;
        this.having = having;
    }
}
