package io.commerce.messaging;

import java.util.List;
import java.util.Map;

/**
 * What a message says, independent of the channel. Templates are resolved through the catalogue at send
 * time; everything else is free-form and, on WhatsApp, only allowed inside the service window.
 */
public sealed interface OutboundContent {

    /** Free-form content needs an open service window on WhatsApp; templates do not. */
    default boolean isFreeForm() {
        return true;
    }

    /** What the message says to a reader (a conversation view): its body or caption; none for a template. */
    default String words() {
        return switch (this) {
            case Buttons buttons -> buttons.body();
            case ListMenu list -> list.body();
            case CtaUrl cta -> cta.body();
            case Media media -> media.caption();
            case Reaction reaction -> reaction.emoji();
            case Catalog catalog -> catalog.body();
            case Product product -> product.body();
            case ProductList list -> list.body();
            case Text text -> text.body();
            case Template template -> null;
        };
    }

    /** A catalogue template by its logical key, with its parameters by name. */
    record Template(String key, Map<String, String> params) implements OutboundContent {
        @Override
        public boolean isFreeForm() {
            return false;
        }
    }

    record Text(String body, boolean previewUrl) implements OutboundContent {}

    /**
     * Up to 3 reply buttons. The optional header is a text ({@code header}) or an image ({@code
     * headerImage}: a link, or the id of uploaded media).
     */
    record Buttons(String header, String headerImage, String body, String footer, List<Button> buttons)
            implements OutboundContent {}

    record Button(String id, String title) {}

    /** A list menu: a button label and sections of rows (10 rows at most across all sections). */
    record ListMenu(String header, String body, String footer, String button, List<Section> sections)
            implements OutboundContent {}

    record Section(String title, List<Row> rows) {}

    record Row(String id, String title, String description) {}

    /** A call-to-action button opening a URL; header as for {@link Buttons}. */
    record CtaUrl(String header, String headerImage, String body, String footer, String displayText, String url)
            implements OutboundContent {}

    /** An image or a document, by link or by the id of media uploaded to Meta. */
    record Media(MediaKind type, String link, String id, String caption, String filename) implements OutboundContent {}

    enum MediaKind {
        IMAGE,
        DOCUMENT
    }

    /** An emoji reaction to a message the customer sent (its provider id). */
    record Reaction(String messageId, String emoji) implements OutboundContent {}

    /** The "View catalog" message, optionally with a product's image as thumbnail. */
    record Catalog(String body, String footer, String thumbnailProductRetailerId) implements OutboundContent {}

    /** A single product of the WhatsApp catalogue. */
    record Product(String catalogId, String productRetailerId, String body, String footer) implements OutboundContent {}

    /** Several products of the WhatsApp catalogue in sections. */
    record ProductList(String catalogId, String header, String body, String footer, List<ProductSection> sections)
            implements OutboundContent {}

    record ProductSection(String title, List<String> productRetailerIds) {}
}
