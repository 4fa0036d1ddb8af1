package io.commerce.messaging.whatsapp;

import static io.commerce.Fixtures.json;
import static io.commerce.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.MessageCategory;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.MediaKind;
import io.commerce.messaging.channel.OutgoingMessage;
import io.commerce.messaging.templates.RenderedTemplate;
import io.commerce.messaging.templates.TemplateDefinition.ButtonParameter;
import io.commerce.messaging.templates.TemplateDefinition.Translation;
import io.commerce.messaging.templates.TemplateDefinition.WhatsAppTemplate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every request body we build equals Meta's own example for it (shared/fixtures/whatsapp/send_*). */
class WhatsAppPayloadsTest {

    private static final UUID ID = UUID.fromString("6f1f5e2a-3a55-4a73-8b43-0c9a8d1f7e10");

    @Test
    void textMatchesMetasExample() {
        assertBuilds(
                "send_text_request.json",
                "+16505551234",
                new OutboundContent.Text(
                        "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/",
                        true));
    }

    @Test
    void replyButtonsWithImageHeaderMatchMetasExample() {
        assertBuilds(
                "send_interactive_buttons_request.json",
                "+16505551234",
                new OutboundContent.Buttons(
                        null,
                        "2762702990552401",
                        "Hi Pablo! Your gardening workshop is scheduled for 9am tomorrow. Use the buttons if you need to"
                                + " reschedule. Thank you!",
                        "Lucky Shrub: Your gateway to succulents!™",
                        List.of(
                                new OutboundContent.Button("change-button", "Change"),
                                new OutboundContent.Button("cancel-button", "Cancel"))));
    }

    @Test
    void listMatchesMetasExample() {
        assertBuilds(
                "send_interactive_list_request.json",
                "+16505551234",
                new OutboundContent.ListMenu(
                        "Choose Shipping Option",
                        "Which shipping option do you prefer?",
                        "Lucky Shrub: Your gateway to succulents™",
                        "Shipping Options",
                        List.of(
                                new OutboundContent.Section(
                                        "I want it ASAP!",
                                        List.of(
                                                new OutboundContent.Row(
                                                        "priority_express",
                                                        "Priority Mail Express",
                                                        "Next Day to 2 Days"),
                                                new OutboundContent.Row("priority_mail", "Priority Mail", "1–3 Days"))),
                                new OutboundContent.Section(
                                        "I can wait a bit",
                                        List.of(
                                                new OutboundContent.Row(
                                                        "usps_ground_advantage", "USPS Ground Advantage", "2–5 Days"),
                                                new OutboundContent.Row("media_mail", "Media Mail", "2–8 Days"))))));
    }

    @Test
    void ctaUrlMatchesMetasExample() {
        assertBuilds(
                "send_interactive_cta_url_request.json",
                "+16505551234",
                new OutboundContent.CtaUrl(
                        null,
                        "https://www.luckyshrub.com/assets/lucky-shrub-banner-logo-v1.png",
                        "Tap the button below to see available dates.",
                        "Dates subject to change.",
                        "See Dates",
                        "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4"));
    }

    @Test
    void imageAndDocumentMatchMetasExamples() {
        assertBuilds(
                "send_image_request.json",
                "+16505551234",
                new OutboundContent.Media(MediaKind.IMAGE, null, "1479537139650973", "The best succulent ever?", null));
        assertBuilds(
                "send_document_request.json",
                "+16505551234",
                new OutboundContent.Media(
                        MediaKind.DOCUMENT,
                        null,
                        "1376223850470843",
                        "Your order confirmation (PDF)",
                        "order_abc123.pdf"));
    }

    @Test
    void reactionCatalogAndProductMatchMetasExamples() {
        assertBuilds(
                "send_reaction_request.json",
                "+16505551234",
                new OutboundContent.Reaction("wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQUZCMTY0MDc2MUYwNzBDNTY5MAA=", "😀"));
        assertBuilds(
                "send_catalog_message_request.json",
                "+16505551234",
                new OutboundContent.Catalog(
                        "Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and add items to purchase.",
                        "Best grocery deals on WhatsApp!",
                        "2lc20305pt"));
        assertBuilds(
                "send_single_product_request.json",
                "PHONE_NUMBER",
                new OutboundContent.Product("CATALOG_ID", "ID_TEST_ITEM_1", "BODY_TEXT", "FOOTER_TEXT"));
    }

    @Test
    void multiProductMessageHasMetasShape() {
        var built = build(
                "+16505551234",
                new OutgoingMessage(
                        ID,
                        "+16505551234",
                        new OutboundContent.ProductList(
                                "123456789",
                                "Our picks for you",
                                "Based on your last order",
                                "Tap to see more",
                                List.of(new OutboundContent.ProductSection(
                                        "Sneakers", List.of("runner-x", "runner-y")))),
                        null,
                        null,
                        null));

        assertThat(built).isEqualTo(io.commerce.Fixtures.parse("""
                {"messaging_product": "whatsapp", "recipient_type": "individual", "to": "+16505551234",
                 "type": "interactive",
                 "interactive": {"type": "product_list",
                                 "header": {"type": "text", "text": "Our picks for you"},
                                 "body": {"text": "Based on your last order"},
                                 "footer": {"text": "Tap to see more"},
                                 "action": {"catalog_id": "123456789",
                                            "sections": [{"title": "Sneakers", "product_items": [
                                                {"product_retailer_id": "runner-x"},
                                                {"product_retailer_id": "runner-y"}]}]}}}"""));
    }

    @Test
    void namedTemplateWithImageHeaderMatchesMetasExample() {
        var template = new WhatsAppTemplate(
                "reservation_confirmation",
                "en_US",
                "named",
                "image",
                List.of("number_of_guests", "day", "date", "time"),
                List.of());
        var rendered = rendered(
                template,
                Map.of(
                        "image",
                        "2871834006348767",
                        "number_of_guests",
                        "4",
                        "day",
                        "Saturday",
                        "date",
                        "August 30th, 2025",
                        "time",
                        "7:30 pm"));
        assertBuilds("send_template_request.json", "16505551234", rendered);
    }

    @Test
    void couponAndUrlButtonsMatchMetasLimitedTimeOfferExample() {
        var template = new WhatsAppTemplate(
                "limited_time_offer_caribbean_pkg_2023",
                "en_US",
                null,
                "image",
                List.of("name", "code"),
                List.of(
                        new ButtonParameter(0, "copy_code", "code", null),
                        new ButtonParameter(1, "url", "suffix", null)));
        var built = build(
                "16505555555",
                rendered(
                        template,
                        Map.of("image", "1602186516975000", "name", "Pablo", "code", "CARIBE25", "suffix", "n3mtql")));

        var expected = (ObjectNode)
                json("send_template_request_lto_copy_code_and_url_button.json").deepCopy();
        var components = expected.path("template").withArray("components");
        components.remove(2); // the limited_time_offer countdown component: not a feature of our templates
        assertThat(built).isEqualTo(expected);
    }

    @Test
    void aTrackedLinkInAUrlButtonGivesItsTokenAsTheSuffix() {
        var template = new WhatsAppTemplate(
                "cart_reminder",
                "es",
                null,
                null,
                List.of(),
                List.of(new ButtonParameter(0, "url", "checkoutUrl", null)));
        var parameter = build(
                        "+34612345678",
                        rendered(template, Map.of("checkoutUrl", "https://links.shop.example/r/Q2hlY2tvdXQtMTIz")))
                .path("template")
                .path("components")
                .path(0)
                .path("parameters")
                .path(0);

        // the button is registered at Meta as https://links.shop.example/r/{{1}}
        assertThat(parameter.path("text").asString()).isEqualTo("Q2hlY2tvdXQtMTIz");
    }

    @Test
    void quickReplyButtonHasMetasShape() {
        var template = new WhatsAppTemplate(
                "t", "en", null, null, List.of(), List.of(new ButtonParameter(0, "quick_reply", null, "more-tools")));
        var button = build("+16505551234", rendered(template, Map.of()))
                .path("template")
                .path("components")
                .path(0);

        var carouselButton = json("send_template_request_carousel_quick_reply_and_url_buttons.json")
                .path("template")
                .path("components")
                .path(1)
                .path("cards")
                .path(0)
                .path("components")
                .path(1);
        assertThat(button.path("sub_type")).isEqualTo(carouselButton.path("sub_type"));
        assertThat(button.path("index").asString())
                .isEqualTo(carouselButton.path("index").asString());
        assertThat(button.path("parameters").path(0).path("type"))
                .isEqualTo(carouselButton.path("parameters").path(0).path("type"));
    }

    @Test
    void markAsReadMatchesMetasExample() {
        var expected = json("send_mark_as_read_request.json");
        assertThat(tree(WhatsAppPayloads.markAsRead(expected.path("message_id").asString())))
                .isEqualTo(expected);
    }

    @Test
    void ourIdTravelsInBizOpaqueCallbackDataAndRepliesCarryContext() {
        var built = tree(WhatsAppPayloads.message(new OutgoingMessage(
                ID, "+34612345678", new OutboundContent.Text("hi", false), null, null, "wamid.ABC")));
        assertThat(built.path("biz_opaque_callback_data").asString()).isEqualTo(ID.toString());
        assertThat(built.path("context").path("message_id").asString()).isEqualTo("wamid.ABC");
    }

    private static RenderedTemplate rendered(WhatsAppTemplate whatsapp, Map<String, String> params) {
        return new RenderedTemplate("key", MessageCategory.UTILITY, "en", new Translation(whatsapp, null), params);
    }

    private static void assertBuilds(String fixture, String to, OutboundContent content) {
        assertThat(build(to, new OutgoingMessage(ID, to, content, null, null, null)))
                .isEqualTo(json(fixture));
    }

    private static void assertBuilds(String fixture, String to, RenderedTemplate template) {
        assertThat(build(to, template)).isEqualTo(json(fixture));
    }

    private static JsonNode build(String to, RenderedTemplate template) {
        return build(
                to,
                new OutgoingMessage(
                        ID, to, new OutboundContent.Template("key", template.params()), template, null, null));
    }

    /** The body without our correlation id, which Meta's examples do not have. */
    private static JsonNode build(String to, OutgoingMessage message) {
        var built = (ObjectNode) tree(WhatsAppPayloads.message(message));
        built.remove("biz_opaque_callback_data");
        return built;
    }
}
