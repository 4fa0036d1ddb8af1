package io.commerce.messaging.links;

import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.Buttons;
import io.commerce.messaging.OutboundContent.CtaUrl;
import io.commerce.messaging.OutboundContent.ListMenu;
import io.commerce.messaging.OutboundContent.Media;
import io.commerce.messaging.OutboundContent.Template;
import io.commerce.messaging.OutboundContent.Text;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finds the links a message carries and writes them anew: in texts (a text's body, an interactive message's
 * body, a media caption, the SMS text), a call-to-action button's URL, and template parameters (body
 * parameters and URL-button suffixes alike). Media files, header images and catalogue messages are not links
 * a customer clicks, and stay as they are.
 */
final class LinkRewriter {

    /** An http(s) URL up to the next blank or quote; punctuation that ends a sentence is not part of it. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private static final String TRAILING = ".,;:!?)]}*_~";

    private LinkRewriter() {}

    /** The URLs in these texts, in order of appearance, each once. */
    static Set<String> links(OutboundContent content, String smsText) {
        var found = new LinkedHashSet<String>();
        rewrite(content, url -> {
            found.add(url);
            return url;
        });
        rewriteText(smsText, url -> {
            found.add(url);
            return url;
        });
        return found;
    }

    /** The content with every link replaced by {@code replacement}'s answer for it. */
    static OutboundContent rewrite(OutboundContent content, UnaryOperator<String> replacement) {
        return switch (content) {
            case Text text -> new Text(rewriteText(text.body(), replacement), text.previewUrl());
            case Buttons b ->
                new Buttons(b.header(), b.headerImage(), rewriteText(b.body(), replacement), b.footer(), b.buttons());
            case ListMenu l ->
                new ListMenu(l.header(), rewriteText(l.body(), replacement), l.footer(), l.button(), l.sections());
            case CtaUrl c ->
                new CtaUrl(
                        c.header(),
                        c.headerImage(),
                        rewriteText(c.body(), replacement),
                        c.footer(),
                        c.displayText(),
                        rewriteText(c.url(), replacement));
            case Media m -> new Media(m.type(), m.link(), m.id(), rewriteText(m.caption(), replacement), m.filename());
            case Template t -> {
                var params = new LinkedHashMap<String, String>();
                t.params().forEach((name, value) -> params.put(name, rewriteText(value, replacement)));
                yield new Template(t.key(), params);
            }
            default -> content;
        };
    }

    /** The text with every URL in it replaced; null stays null. */
    static String rewriteText(String text, UnaryOperator<String> replacement) {
        if (text == null || !text.contains("http")) {
            return text;
        }
        var matcher = URL.matcher(text);
        var out = new StringBuilder();
        var last = 0;
        while (matcher.find()) {
            var url = matcher.group();
            var end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            if (url.length() <= "https://".length()) {
                continue;
            }
            out.append(text, last, matcher.start()).append(replacement.apply(url));
            last = matcher.start() + end;
        }
        return out.append(text, last, text.length()).toString();
    }
}
