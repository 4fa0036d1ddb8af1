package io.commerce.analytics;

import io.commerce.messaging.Origin;
import io.commerce.messaging.TrackedLink;
import io.commerce.shared.Channel;

/**
 * What a figure is about: the message's source ({@code campaign}, {@code journey}, {@code conversation} or
 * {@code api}), its campaign, journey and step, template, channel and A/B variant; empty where none applies.
 */
record Dimensions(
        String source,
        String campaignId,
        String journey,
        String step,
        String templateKey,
        Channel channel,
        String variant) {

    static final String CAMPAIGN = "campaign";
    static final String JOURNEY = "journey";
    static final String CONVERSATION = "conversation";
    static final String API = "api";

    /** A message's dimensions from its origin (a campaign's label and id, a journey's {@code name/step}) and variant. */
    static Dimensions of(Origin origin, String templateKey, Channel channel, String variant) {
        var template = templateKey == null ? "" : templateKey;
        var arm = variant == null ? "" : variant;
        if (origin == null) {
            return new Dimensions(API, "", "", "", template, channel, "");
        }
        var label = origin.label();
        if (label.equals(CAMPAIGN)) {
            return new Dimensions(CAMPAIGN, origin.ref(), "", "", template, channel, arm);
        }
        if (label.startsWith(CONVERSATION + "/")) {
            return new Dimensions(CONVERSATION, "", "", "", template, channel, "");
        }
        var slash = label.indexOf('/');
        return slash < 0
                ? new Dimensions(JOURNEY, "", label, "", template, channel, "")
                : new Dimensions(
                        JOURNEY, "", label.substring(0, slash), label.substring(slash + 1), template, channel, "");
    }

    /** A tracked link's message's dimensions. */
    static Dimensions of(TrackedLink link) {
        return of(link.origin(), link.templateKey(), link.channel(), link.variant());
    }

    /** {@code utm_medium}: journey, campaign or conversation (a message sent through the API counts as one). */
    String medium() {
        return source.equals(API) ? CONVERSATION : source;
    }

    /** {@code utm_campaign}: the campaign's id, the journey's name, or the source. */
    String campaign() {
        return switch (source) {
            case CAMPAIGN -> campaignId;
            case JOURNEY -> journey;
            default -> templateKey.isEmpty() ? source : templateKey;
        };
    }
}
