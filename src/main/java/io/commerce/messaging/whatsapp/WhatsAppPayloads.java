package io.commerce.messaging.whatsapp;

import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.Buttons;
import io.commerce.messaging.OutboundContent.Catalog;
import io.commerce.messaging.OutboundContent.CtaUrl;
import io.commerce.messaging.OutboundContent.ListMenu;
import io.commerce.messaging.OutboundContent.Media;
import io.commerce.messaging.OutboundContent.MediaKind;
import io.commerce.messaging.OutboundContent.Product;
import io.commerce.messaging.OutboundContent.ProductList;
import io.commerce.messaging.OutboundContent.Reaction;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.OutboundContent.Text;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.templates.RenderedTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Cloud API request bodies ({@code POST /{phone-number-id}/messages}) exactly as Meta documents
 * them (see shared/fixtures/whatsapp/send_*_request.json). Our message id travels in {@code
 * biz_opaque_callback_data} and comes back on every status webhook.
 */
public final class WhatsAppPayloads {

    private WhatsAppPayloads() {}

    public static Map<String, Object> message(OutgoingMessage message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.to());
        if (message.replyTo() != null) {
            body.put("context", Map.of("message_id", message.replyTo()));
        }
        switch (message.content()) {
            case Template ignored -> {
                body.put("type", "template");
                body.put("template", template(message.template()));
            }
            case Text text -> {
                body.put("type", "text");
                body.put("text", ordered("preview_url", text.previewUrl(), "body", text.body()));
            }
            case Media media -> {
                var kind = media.type() == MediaKind.IMAGE ? "image" : "document";
                body.put("type", kind);
                body.put(kind, media(media));
            }
            case Reaction reaction -> {
                body.put("type", "reaction");
                body.put("reaction", ordered("message_id", reaction.messageId(), "emoji", reaction.emoji()));
            }
            default -> {
                body.put("type", "interactive");
                body.put("interactive", interactive(message.content()));
            }
        }
        body.put("biz_opaque_callback_data", message.id().toString());
        return body;
    }

    /** Marks an inbound message (and all before it) as read: blue ticks for the customer. */
    public static Map<String, Object> markAsRead(String providerMessageId) {
        return ordered("messaging_product", "whatsapp", "status", "read", "message_id", providerMessageId);
    }

    /**
     * A URL button's parameter is the suffix of the URL Meta has on file; a tracked link ({@code …/r/{token}})
     * gives its token, for a button registered as {@code {COMMERCE_PUBLIC_BASE_URL}/r/{{1}}}.
     */
    private static String urlSuffix(String value) {
        var tracked = value == null ? -1 : value.lastIndexOf("/r/");
        return tracked >= 0 && value.startsWith("http") ? value.substring(tracked + 3) : value;
    }

    static Map<String, Object> template(RenderedTemplate rendered) {
        var whatsapp = rendered.translation().whatsapp();
        var params = rendered.params();
        var components = new ArrayList<Map<String, Object>>();
        if (whatsapp.headerImage() != null) {
            var image = params.get(whatsapp.headerImage());
            var reference = image.startsWith("http") ? Map.of("link", image) : Map.of("id", image);
            components.add(
                    ordered("type", "header", "parameters", List.of(ordered("type", "image", "image", reference))));
        }
        if (!whatsapp.body().isEmpty()) {
            var bodyParams = whatsapp.body().stream()
                    .map(name -> whatsapp.named()
                            ? ordered("type", "text", "parameter_name", name, "text", params.get(name))
                            : ordered("type", "text", "text", params.get(name)))
                    .toList();
            components.add(ordered("type", "body", "parameters", bodyParams));
        }
        for (var button : whatsapp.buttons()) {
            var value = button.param() == null ? button.payload() : params.get(button.param());
            var parameter = switch (button.subType()) {
                case "quick_reply" -> ordered("type", "payload", "payload", value);
                case "copy_code" -> ordered("type", "coupon_code", "coupon_code", value);
                case "url" -> ordered("type", "text", "text", urlSuffix(value));
                default -> ordered("type", "text", "text", value);
            };
            components.add(ordered(
                    "type", "button",
                    "sub_type", button.subType(),
                    "index", button.index(),
                    "parameters", List.of(parameter)));
        }
        var template = new LinkedHashMap<String, Object>();
        template.put("name", whatsapp.name());
        template.put("language", Map.of("code", whatsapp.language()));
        if (!components.isEmpty()) {
            template.put("components", components);
        }
        return template;
    }

    private static Map<String, Object> interactive(OutboundContent content) {
        return switch (content) {
            case Buttons buttons ->
                frame(
                        "button",
                        header(buttons.header(), buttons.headerImage()),
                        buttons.body(),
                        buttons.footer(),
                        Map.of(
                                "buttons",
                                buttons.buttons().stream()
                                        .map(b -> ordered(
                                                "type", "reply", "reply", ordered("id", b.id(), "title", b.title())))
                                        .toList()));
            case ListMenu list ->
                frame(
                        "list",
                        textHeader(list.header()),
                        list.body(),
                        list.footer(),
                        ordered(
                                "button",
                                list.button(),
                                "sections",
                                list.sections().stream()
                                        .map(section -> withoutNulls(ordered(
                                                "title", section.title(),
                                                "rows",
                                                        section.rows().stream()
                                                                .map(row -> withoutNulls(ordered(
                                                                        "id", row.id(),
                                                                        "title", row.title(),
                                                                        "description", row.description())))
                                                                .toList())))
                                        .toList()));
            case CtaUrl cta ->
                frame(
                        "cta_url",
                        header(cta.header(), cta.headerImage()),
                        cta.body(),
                        cta.footer(),
                        ordered(
                                "name",
                                "cta_url",
                                "parameters",
                                ordered("display_text", cta.displayText(), "url", cta.url())));
            case Catalog catalog ->
                frame(
                        "catalog_message",
                        null,
                        catalog.body(),
                        catalog.footer(),
                        ordered(
                                "name",
                                "catalog_message",
                                "parameters",
                                withoutNulls(ordered(
                                        "thumbnail_product_retailer_id", catalog.thumbnailProductRetailerId()))));
            case Product product ->
                frame(
                        "product",
                        null,
                        product.body(),
                        product.footer(),
                        ordered("catalog_id", product.catalogId(), "product_retailer_id", product.productRetailerId()));
            case ProductList list ->
                frame(
                        "product_list",
                        textHeader(list.header()),
                        list.body(),
                        list.footer(),
                        ordered(
                                "catalog_id",
                                list.catalogId(),
                                "sections",
                                list.sections().stream()
                                        .map(section -> ordered(
                                                "title", section.title(),
                                                "product_items",
                                                        section.productRetailerIds().stream()
                                                                .map(id -> Map.of("product_retailer_id", id))
                                                                .toList()))
                                        .toList()));
            default -> throw new IllegalArgumentException("not interactive: " + content);
        };
    }

    private static Map<String, Object> frame(
            String type, Map<String, Object> header, String body, String footer, Map<String, Object> action) {
        var interactive = new LinkedHashMap<String, Object>();
        interactive.put("type", type);
        if (header != null) {
            interactive.put("header", header);
        }
        if (body != null) {
            interactive.put("body", Map.of("text", body));
        }
        if (footer != null) {
            interactive.put("footer", Map.of("text", footer));
        }
        interactive.put("action", action);
        return interactive;
    }

    private static Map<String, Object> textHeader(String header) {
        return header == null ? null : ordered("type", "text", "text", header);
    }

    private static Map<String, Object> header(String text, String image) {
        return image == null ? textHeader(text) : ordered("type", "image", "image", mediaReference(image));
    }

    /** A link when it looks like one, else the id of media uploaded to Meta. */
    private static Map<String, Object> mediaReference(String linkOrId) {
        return linkOrId.startsWith("http") ? ordered("link", linkOrId) : ordered("id", linkOrId);
    }

    private static Map<String, Object> media(Media media) {
        var body = new LinkedHashMap<String, Object>(mediaReference(media.id() != null ? media.id() : media.link()));
        if (media.caption() != null) {
            body.put("caption", media.caption());
        }
        if (media.type() == MediaKind.DOCUMENT && media.filename() != null) {
            body.put("filename", media.filename());
        }
        return body;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    /** A map keeping the order its pairs are given in, as Meta's examples are written. */
    static Map<String, Object> ordered(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
