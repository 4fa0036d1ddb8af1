package io.commerce.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** Where a tracked link sends the customer: the message's URL with UTM parameters, the shop's own kept. */
class LinkDestinationTest {

    private static final LinkedHashMap<String, String> UTM = new LinkedHashMap<>();

    static {
        UTM.put("utm_source", "whatsapp");
        UTM.put("utm_medium", "campaign");
        UTM.put("utm_campaign", "Black Friday/ES");
    }

    @Test
    void parametersGoAfterThePathOrTheQueryAndBeforeTheFragment() {
        assertThat(AnalyticsService.withParameters("https://shop.example/sale", UTM))
                .isEqualTo("https://shop.example/sale?utm_source=whatsapp&utm_medium=campaign"
                        + "&utm_campaign=Black%20Friday/ES");
        assertThat(AnalyticsService.withParameters("https://shop.example/p/x?ref=chat#sizes", UTM))
                .isEqualTo("https://shop.example/p/x?ref=chat&utm_source=whatsapp&utm_medium=campaign"
                        + "&utm_campaign=Black%20Friday/ES#sizes");
        assertThat(AnalyticsService.withParameters("https://shop.example/p/x?", UTM))
                .startsWith("https://shop.example/p/x?utm_source=whatsapp&");
    }

    @Test
    void theShopsOwnUtmParametersAreKept() {
        assertThat(AnalyticsService.withParameters(
                        "https://shop.example/sale?utm_source=newsletter&utm_campaignx=1&utm_medium", UTM))
                .isEqualTo("https://shop.example/sale?utm_source=newsletter&utm_campaignx=1&utm_medium"
                        + "&utm_campaign=Black%20Friday/ES");
    }
}
