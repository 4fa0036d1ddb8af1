package io.commerce.messaging.guardrails;

import io.commerce.messaging.ContentLimitException;
import io.commerce.messaging.MessagingProperties;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.Buttons;
import io.commerce.messaging.OutboundContent.Catalog;
import io.commerce.messaging.OutboundContent.CtaUrl;
import io.commerce.messaging.OutboundContent.ListMenu;
import io.commerce.messaging.OutboundContent.Media;
import io.commerce.messaging.OutboundContent.Product;
import io.commerce.messaging.OutboundContent.ProductList;
import io.commerce.messaging.OutboundContent.Reaction;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.OutboundContent.Text;
import java.util.HashSet;
import org.springframework.stereotype.Component;

/**
 * Checks content against Meta's limits (3 buttons, 20-character titles, 10 rows, 1024/4096-character
 * bodies, …) before a message is queued, so the caller gets a clear 400 instead of a failed send later.
 */
@Component
public class ContentLimits {

    private final MessagingProperties.Limits limits;

    ContentLimits(MessagingProperties properties) {
        this.limits = properties.limits();
    }

    /** @throws ContentLimitException when the content breaks a limit */
    public void check(OutboundContent content) {
        switch (content) {
            case Template template -> required("template.key", template.key());
            case Text text -> {
                required("text", text.body());
                max("text", text.body(), limits.textBody());
            }
            case Buttons buttons -> checkButtons(buttons);
            case ListMenu list -> checkList(list);
            case CtaUrl cta -> {
                interactiveFrame("ctaUrl", cta.header(), cta.body(), cta.footer(), limits.interactiveBody());
                required("ctaUrl.displayText", cta.displayText());
                max("ctaUrl.displayText", cta.displayText(), limits.ctaDisplayText());
                required("ctaUrl.url", cta.url());
            }
            case Media media -> {
                if ((media.link() == null || media.link().isBlank())
                        && (media.id() == null || media.id().isBlank())) {
                    throw new ContentLimitException("media.link", "media needs a link or an uploaded media id");
                }
                if (media.type() == null) {
                    throw new ContentLimitException("media.type", "media.type must be image or document");
                }
                max("media.caption", media.caption(), limits.caption());
            }
            case Reaction reaction -> {
                required("reaction.messageId", reaction.messageId());
                required("reaction.emoji", reaction.emoji());
            }
            case Catalog catalog -> {
                required("catalog.body", catalog.body());
                max("catalog.body", catalog.body(), limits.interactiveBody());
                max("catalog.footer", catalog.footer(), limits.footer());
            }
            case Product product -> {
                required("product.catalogId", product.catalogId());
                required("product.productRetailerId", product.productRetailerId());
                max("product.body", product.body(), limits.interactiveBody());
                max("product.footer", product.footer(), limits.footer());
            }
            case ProductList list -> checkProductList(list);
        }
    }

    private void checkButtons(Buttons buttons) {
        interactiveFrame("buttons", buttons.header(), buttons.body(), buttons.footer(), limits.interactiveBody());
        var list = buttons.buttons();
        if (list == null || list.isEmpty() || list.size() > limits.buttons()) {
            throw new ContentLimitException(
                    "buttons.buttons", "reply buttons need 1 to %d buttons".formatted(limits.buttons()));
        }
        var titles = new HashSet<String>();
        for (var button : list) {
            required("buttons.buttons.id", button.id());
            max("buttons.buttons.id", button.id(), limits.buttonId());
            required("buttons.buttons.title", button.title());
            max("buttons.buttons.title", button.title(), limits.buttonTitle());
            if (!titles.add(button.title())) {
                throw new ContentLimitException("buttons.buttons.title", "button titles must be unique");
            }
        }
    }

    private void checkList(ListMenu list) {
        interactiveFrame("list", list.header(), list.body(), list.footer(), limits.listBody());
        required("list.button", list.button());
        max("list.button", list.button(), limits.listButton());
        var sections = list.sections();
        if (sections == null || sections.isEmpty() || sections.size() > limits.listSections()) {
            throw new ContentLimitException(
                    "list.sections", "a list needs 1 to %d sections".formatted(limits.listSections()));
        }
        var rows = 0;
        for (var section : sections) {
            if (sections.size() > 1) {
                required("list.sections.title", section.title());
            }
            max("list.sections.title", section.title(), limits.listSectionTitle());
            if (section.rows() == null || section.rows().isEmpty()) {
                throw new ContentLimitException("list.sections.rows", "every section needs at least one row");
            }
            for (var row : section.rows()) {
                rows++;
                required("list.sections.rows.id", row.id());
                max("list.sections.rows.id", row.id(), limits.listRowId());
                required("list.sections.rows.title", row.title());
                max("list.sections.rows.title", row.title(), limits.listRowTitle());
                max("list.sections.rows.description", row.description(), limits.listRowDescription());
            }
        }
        if (rows > limits.listRows()) {
            throw new ContentLimitException(
                    "list.sections.rows", "a list has at most %d rows in all".formatted(limits.listRows()));
        }
    }

    private void checkProductList(ProductList list) {
        required("productList.catalogId", list.catalogId());
        required("productList.header", list.header());
        interactiveFrame("productList", list.header(), list.body(), list.footer(), limits.interactiveBody());
        var sections = list.sections();
        if (sections == null || sections.isEmpty() || sections.size() > limits.productSections()) {
            throw new ContentLimitException(
                    "productList.sections",
                    "a product list needs 1 to %d sections".formatted(limits.productSections()));
        }
        var products = sections.stream()
                .mapToInt(s -> s.productRetailerIds() == null
                        ? 0
                        : s.productRetailerIds().size())
                .sum();
        if (products == 0 || products > limits.products()) {
            throw new ContentLimitException(
                    "productList.sections", "a product list has 1 to %d products".formatted(limits.products()));
        }
    }

    private void interactiveFrame(String field, String header, String body, String footer, int bodyLimit) {
        required(field + ".body", body);
        max(field + ".body", body, bodyLimit);
        max(field + ".header", header, limits.header());
        max(field + ".footer", footer, limits.footer());
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ContentLimitException(field, field + " is required");
        }
    }

    private static void max(String field, String value, int limit) {
        if (value != null && value.codePointCount(0, value.length()) > limit) {
            throw new ContentLimitException(field, "%s is longer than %d characters".formatted(field, limit));
        }
    }
}
