package io.commerce.messaging.guardrails;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commerce.messaging.DefaultMessagingProperties;
import io.commerce.messaging.OutboundContent;
import io.commerce.messaging.OutboundContent.Button;
import io.commerce.messaging.OutboundContent.Buttons;
import io.commerce.messaging.OutboundContent.ListMenu;
import io.commerce.messaging.OutboundContent.Row;
import io.commerce.messaging.OutboundContent.Section;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentLimitsTest {

    private final ContentLimits limits = new ContentLimits(DefaultMessagingProperties.defaults());

    @Test
    void acceptsContentWithinMetasLimits() {
        assertThatCode(() -> limits.check(buttons(3, "x".repeat(20), "b".repeat(1024))))
                .doesNotThrowAnyException();
        assertThatCode(() -> limits.check(list(10))).doesNotThrowAnyException();
        assertThatCode(() -> limits.check(new OutboundContent.Text("t".repeat(4096), false)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAFourthButtonATwentyOneCharacterTitleAndDuplicateTitles() {
        assertThatThrownBy(() -> limits.check(buttons(4, "ok", "body"))).hasMessageContaining("1 to 3 buttons");
        assertThatThrownBy(() -> limits.check(buttons(1, "x".repeat(21), "body")))
                .hasMessageContaining("longer than 20");
        assertThatThrownBy(() -> limits.check(new Buttons(
                        null, null, "body", null, List.of(new Button("a", "Same"), new Button("b", "Same")))))
                .hasMessageContaining("unique");
    }

    @Test
    void refusesLongBodiesAndElevenRows() {
        assertThatThrownBy(() -> limits.check(buttons(1, "ok", "b".repeat(1025))))
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> limits.check(new OutboundContent.Text("t".repeat(4097), false)))
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> limits.check(list(11))).hasMessageContaining("at most 10 rows");
    }

    @Test
    void limitsAreConfiguration() {
        var relaxed =
                new ContentLimits(DefaultMessagingProperties.with(Map.of("commerce.messaging.limits.buttons", "4")));
        assertThatCode(() -> relaxed.check(buttons(4, "ok", "body"))).doesNotThrowAnyException();
    }

    private static Buttons buttons(int count, String title, String body) {
        var buttons = IntStream.range(0, count)
                .mapToObj(i -> new Button("id" + i, count == 1 ? title : title + i))
                .toList();
        return new Buttons(null, null, body, null, count > 1 && title.length() == 20 ? rename(buttons) : buttons);
    }

    private static List<Button> rename(List<Button> buttons) {
        return buttons.stream()
                .map(b -> new Button(b.id(), b.title().substring(0, 19) + b.id().charAt(2)))
                .toList();
    }

    private static ListMenu list(int rows) {
        var all = IntStream.range(0, rows)
                .mapToObj(i -> new Row("r" + i, "Row " + i, null))
                .toList();
        return new ListMenu(null, "Pick one", null, "Options", List.of(new Section("All", all)));
    }
}
