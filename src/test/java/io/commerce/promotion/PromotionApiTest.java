package io.commerce.promotion;

import static io.commerce.Api.customer;
import static io.commerce.Api.get;
import static io.commerce.Api.json;
import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.commerce.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class PromotionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PromotionService promotions;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    String customerId;

    @BeforeEach
    void registerCustomer() {
        customerId = uniqueId("c");
        json(mvc, HttpMethod.PUT, "/api/v1/customers/" + customerId, customer("+34612345678"))
                .exchange();
    }

    @Test
    void issuesUniqueCodesWithValueMinimumSpendAndExpiry() {
        var first = issue("10.00", "50.00", "P31D");
        var second = issue("10.00", "50.00", "P31D");

        assertThat(first.code()).hasSize(8).matches("[A-HJ-NP-Z2-9]+").isNotEqualTo(second.code());
        assertThat(first.minimumSpend()).isEqualByComparingTo("50.00");
        assertThat(Duration.between(first.issuedAt(), first.expiresAt())).isEqualTo(Duration.ofDays(31));
        assertThat(events.stream(CodeIssued.class)).hasSize(2);
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/discount-codes"))
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .hasSize(2);
    }

    @Test
    void theShopRedeemsACodeOnceAndARepeatForTheSameOrderAnswersTheSame() {
        var code = issue("10.00", "50.00", "P31D").code();

        var redeemed = redeem(code.toLowerCase(), "o-1", "89.95");
        var again = redeem(code, "o-1", "89.95");

        assertThat(redeemed)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.orderId")
                .isEqualTo("o-1");
        assertThat(again).hasStatus(HttpStatus.OK);
        assertThat(events.stream(CodeRedeemed.class))
                .singleElement()
                .extracting(CodeRedeemed::orderId)
                .isEqualTo("o-1");
        assertThat(redeem(code, "o-2", "89.95"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("DISCOUNT_CODE_USED");
    }

    @Test
    void anExpiredCodeIs409() {
        var code = issue("10.00", "0", "P1D").code();
        jdbc.sql("update discount_code set expires_at = now() - interval '1 minute' where code = ?")
                .param(code)
                .update();

        assertThat(redeem(code, "o-1", "20.00"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("DISCOUNT_CODE_EXPIRED");
    }

    @Test
    void anOrderBelowTheMinimumSpendOrInAnotherCurrencyDoesNotQualify() {
        var code = issue("10.00", "50.00", "P31D").code();

        assertThat(redeem(code, "o-1", "49.99"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("DISCOUNT_CODE_NOT_APPLICABLE");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/discount-codes/" + code + "/redemptions", """
                {"orderId": "o-1", "orderTotal": 80.00, "currency": "USD"}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(promotions.get(code).redeemedAt()).isNull();
    }

    @Test
    void unknownCodesAre404AndBadIssuesAre400() {
        assertThat(redeem("NOSUCHCODE", "o-1", "10")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get(mvc, "/api/v1/discount-codes/NOSUCHCODE"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("DISCOUNT_CODE_NOT_FOUND");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/discount-codes", """
                {"customerId": "%s", "reason": "welcome", "kind": "percent", "value": 150, "validFor": "P7D"}""".formatted(customerId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("value");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/discount-codes", """
                {"customerId": "%s", "reason": "welcome", "kind": "amount", "value": 5, "validFor": "P7D"}""".formatted(customerId)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("currency");
        assertThat(json(mvc, HttpMethod.POST, "/api/v1/discount-codes", """
                {"customerId": "nobody-here", "reason": "welcome", "kind": "percent", "value": 10, "validFor": "P7D"}"""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void racingCheckoutsCannotBothRedeemOneCode() throws Exception {
        var code = issue("10.00", "0", "P31D").code();
        var wins = new AtomicInteger();
        try (var checkouts = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                var order = "o-" + i;
                checkouts.submit(() -> {
                    try {
                        promotions.redeem(code, new Redemption(order, new BigDecimal("20.00"), "EUR"));
                        wins.incrementAndGet();
                    } catch (CodeNotRedeemableException lost) {
                        // another checkout got it
                    }
                });
            }
        }
        assertThat(wins).hasValue(1);
    }

    @Test
    void codesAreInTheGdprExport() {
        issue("5.00", "0", "P7D");
        assertThat(get(mvc, "/api/v1/customers/" + customerId + "/export"))
                .bodyJson()
                .extractingPath("$.discountCodes")
                .asArray()
                .hasSize(1);
    }

    private DiscountCodeView issue(String value, String minimumSpend, String validFor) {
        return promotions.issue(new CodeIssue(
                customerId,
                "win_back",
                DiscountKind.AMOUNT,
                new BigDecimal(value),
                "EUR",
                new BigDecimal(minimumSpend),
                Duration.parse(validFor)));
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult redeem(String code, String order, String total) {
        return json(mvc, HttpMethod.POST, "/api/v1/discount-codes/" + code + "/redemptions", """
                {"orderId": "%s", "orderTotal": %s, "currency": "EUR"}""".formatted(
                                order, total))
                .exchange();
    }
}
