package io.commerce.messaging.web;

import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.MediaKind;
import io.commerce.messaging.SendCommand;
import io.commerce.shared.Channel;
import io.commerce.shared.InvalidValueException;
import io.commerce.shared.Purpose;
import io.commerce.shared.ShopId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code POST /api/v1/messages}: a customer, a purpose, optionally a channel, and exactly one content:
 * {@code template}, {@code text}, {@code buttons}, {@code list}, {@code ctaUrl}, {@code image}, {@code
 * document}, {@code reaction}, {@code catalog}, {@code product} or {@code productList}.
 */
record SendMessageRequest(
        @NotNull @ShopId String customerId,
        @NotNull Purpose purpose,
        Channel channel,
        @Valid TemplateRequest template,
        @Size(max = 4096) String text,
        Boolean previewUrl,
        OutboundContent.Buttons buttons,
        OutboundContent.ListMenu list,
        OutboundContent.CtaUrl ctaUrl,
        MediaRequest image,
        MediaRequest document,
        OutboundContent.Reaction reaction,
        OutboundContent.Catalog catalog,
        OutboundContent.Product product,
        OutboundContent.ProductList productList,
        @Size(max = 128) String replyTo) {

    record TemplateRequest(
            @NotBlank @Size(max = 100) String key,
            @Size(max = 50) Map<String, String> params) {}

    /** By {@code link}, or by {@code id} of media uploaded to Meta. */
    record MediaRequest(
            @Size(max = 2048) String link, @Size(max = 128) String id, String caption, String filename) {}

    SendCommand toCommand() {
        var contents = Stream.of(
                        template == null ? null : new OutboundContent.Template(template.key(), template.params()),
                        text == null ? null : new OutboundContent.Text(text, Boolean.TRUE.equals(previewUrl)),
                        buttons,
                        list,
                        ctaUrl,
                        image == null
                                ? null
                                : new OutboundContent.Media(
                                        MediaKind.IMAGE, image.link(), image.id(), image.caption(), null),
                        document == null
                                ? null
                                : new OutboundContent.Media(
                                        MediaKind.DOCUMENT,
                                        document.link(),
                                        document.id(),
                                        document.caption(),
                                        document.filename()),
                        reaction,
                        catalog,
                        product,
                        productList)
                .filter(Objects::nonNull)
                .toList();
        if (contents.size() != 1) {
            throw new InvalidValueException(
                    "content",
                    "give exactly one of template, text, buttons, list, ctaUrl, image, document, reaction, catalog,"
                            + " product, productList");
        }
        return new SendCommand(customerId, purpose, channel, (OutboundContent) contents.getFirst(), replyTo);
    }
}
