package io.commerce.messaging.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.messaging.OutboundContent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which parts of a message are links a customer clicks, and how they are found in text. */
class LinkRewriterTest {

    @Test
    void findsEachLinkOnceWithoutTheSentencesPunctuation() {
        var text = new OutboundContent.Text(
                "Mira https://shop.example/p/runner-x?ref=chat. O (https://shop.example/sale)! Otra vez: "
                        + "https://shop.example/p/runner-x?ref=chat",
                true);

        assertThat(LinkRewriter.links(text, "Sale: https://shop.example/sale"))
                .containsExactly("https://shop.example/p/runner-x?ref=chat", "https://shop.example/sale");
    }

    @Test
    void rewritesTextsButtonsAndTemplateParametersButNotMediaFiles() {
        var tracked =
                (java.util.function.UnaryOperator<String>) url -> "T(" + url.substring(url.lastIndexOf('/') + 1) + ")";

        var cta = (OutboundContent.CtaUrl) LinkRewriter.rewrite(
                new OutboundContent.CtaUrl(
                        null,
                        "https://cdn.example/header.jpg",
                        "See https://shop.example/a",
                        null,
                        "Open",
                        "https://shop.example/b"),
                tracked);
        var media = (OutboundContent.Media) LinkRewriter.rewrite(
                new OutboundContent.Media(
                        OutboundContent.MediaKind.IMAGE,
                        "https://cdn.example/photo.jpg",
                        null,
                        "Yours: https://shop.example/c",
                        null),
                tracked);
        var template = (OutboundContent.Template) LinkRewriter.rewrite(
                new OutboundContent.Template(
                        "cart_reminder", Map.of("firstName", "Ana", "checkoutUrl", "https://shop.example/checkout/9")),
                tracked);

        assertThat(cta.body()).isEqualTo("See T(a)");
        assertThat(cta.url()).isEqualTo("T(b)");
        assertThat(cta.headerImage()).isEqualTo("https://cdn.example/header.jpg");
        assertThat(media.link()).isEqualTo("https://cdn.example/photo.jpg");
        assertThat(media.caption()).isEqualTo("Yours: T(c)");
        assertThat(template.params()).containsEntry("firstName", "Ana").containsEntry("checkoutUrl", "T(9)");
    }

    @Test
    void aTextWithoutLinksStaysAsItIs() {
        assertThat(LinkRewriter.rewriteText("Gracias por tu pedido 1001.", url -> "x"))
                .isEqualTo("Gracias por tu pedido 1001.");
        assertThat(LinkRewriter.rewriteText(null, url -> "x")).isNull();
    }
}
