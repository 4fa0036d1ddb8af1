package io.commerce.console;

import static io.commerce.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commerce.HttpApi;
import io.commerce.SandboxedServer;
import io.commerce.console.people.PeopleService;
import io.commerce.console.people.Role;
import io.commerce.messaging.MessagingFixtures;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A marketer opens a campaign from the marketing page (and again from the campaigns list) and reads, in a real
 * browser, its set-up, its messages and what it earned against its control group: each arm's customers and
 * orders, the lift with its interval, and the variant tested against {@code a}. Takes the README's screenshots
 * of the marketing page and of the campaign's.
 */
@SandboxedServer
class CampaignPageBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PeopleService people;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private Browser browser;
    private HttpApi api;

    @BeforeEach
    void openBrowser() throws IOException {
        api = new HttpApi(port);
        browser = Browser.open(port, 1400, 1100);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMarketerOpensACampaignAndSeesItsArmsAgainstTheControlGroup() throws IOException {
        var tag = uniqueId("spring");
        for (var i = 0; i < 30; i++) {
            var id = uniqueId("ab");
            api.put("/api/v1/customers/" + id, """
                    {"phone": "%s", "firstName": "Cliente", "language": "es", "tags": ["%s"]}""".formatted(MessagingFixtures.uniquePhone(), tag));
            api.put("/api/v1/customers/" + id + "/consents/whatsapp/marketing", """
                    {"status": "granted", "source": "checkout-checkbox"}""");
        }
        var name = "Spring sale " + tag;
        var campaignId = api.post("/api/v1/campaigns", """
                        {"name": "%s", "template": "promotion",
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"},
                         "channel": "whatsapp", "segment": {"tags": ["%s"]}, "controlPercent": 20,
                         "variants": [{"name": "b", "template": "new_product", "percent": 50,
                                       "params": {"productName": "Trail Y", "productUrl": "https://shop.example/p/y"}}]}""".formatted(name, tag))
                .path("id")
                .asString();
        // tests launch campaigns themselves (commerce.campaign.launcher-enabled is false)
        ReflectionTestUtils.invokeMethod(context.getBean("campaignLauncher"), "launchDue");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/campaigns/" + campaignId)
                        .path("status")
                        .asString()
                        .equals("launched"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var campaign = api.get("/api/v1/campaigns/" + campaignId);
            var messages = campaign.path("messages");
            return messages.path("delivered").asLong() + messages.path("read").asLong()
                    == campaign.path("audienceSize").asLong();
        });
        // five customers the campaign wrote to order, and one of the control group
        var arms = jdbc.sql("select customer_id, error_code from message where origin_ref = :campaignId")
                .param("campaignId", campaignId)
                .query((rs, n) -> Map.entry(rs.getString(1), "CONTROL_GROUP".equals(rs.getString(2))))
                .list();
        var ordering = new ArrayList<String>();
        arms.stream().filter(arm -> !arm.getValue()).limit(5).forEach(arm -> ordering.add(arm.getKey()));
        arms.stream().filter(Map.Entry::getValue).limit(1).forEach(arm -> ordering.add(arm.getKey()));
        var product = uniqueId("p");
        api.put("/api/v1/products/" + product, io.commerce.Api.product(10, "59.90"));
        for (var customer : ordering) {
            api.put("/api/v1/orders/" + uniqueId("o"), """
                    {"customerId": "%s", "currency": "EUR", "total": 59.90,
                     "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 59.90}]}""".formatted(customer, product));
        }
        browser.signIn(ConsoleTestPeople.person(people, Role.AGENT, "en"), ConsoleTestPeople.PASSWORD);

        browser.go("/console/marketing");
        assertThat(browser.find("table.funnel").getText()).contains(name); // the campaigns' funnel, by name
        browser.screenshot("console-marketing");
        browser.driver.findElement(By.linkText(name)).click();

        assertThat(browser.find("h1").getText()).isEqualTo(name);
        assertThat(browser.find("dl.facts").getText())
                .contains(
                        "promotion · whatsapp", "tags: " + tag, "20 % of the segment held out", "b: new_product, 50 %");
        var rows = browser.driver.findElements(By.cssSelector("#arms tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")))
                .toList();
        assertThat(rows).extracting(cells -> cells.get(0).getText()).containsExactly("a", "b", "control");
        assertThat(rows.stream()
                        .mapToLong(cells -> Long.parseLong(cells.get(1).getText()))
                        .sum())
                .isEqualTo(30); // every customer of the audience in one arm, the control's never sent
        assertThat(rows.stream()
                        .mapToLong(cells -> Long.parseLong(cells.get(2).getText()))
                        .sum())
                .isEqualTo(ordering.size());
        assertThat(rows.getLast().get(2).getText()).isEqualTo("1"); // the control group's one order
        assertThat(browser.find("#lift").getText()).contains("points (95 % interval", "p = ");
        assertThat(browser.find("#variant-tests").getText()).contains("b");
        assertThat(browser.find("#progress").getText()).contains("cancelled"); // the control group's messages
        assertThat(browser.widerThanTheScreen()).isEmpty();
        browser.screenshot("console-campaign");

        browser.driver.findElement(By.linkText("← Campaigns")).click();
        browser.driver.findElement(By.linkText(name)).click();
        assertThat(browser.find("h1").getText()).isEqualTo(name);

        browser.driver.manage().window().setSize(new Dimension(390, 844)); // a phone: wide tables scroll in place
        browser.driver.navigate().refresh();
        assertThat(browser.find("#arms").isDisplayed()).isTrue();
        assertThat(browser.widerThanTheScreen()).isEmpty();
        browser.go("/console/marketing");
        assertThat(browser.widerThanTheScreen()).isEmpty();
    }

    @Test
    void anAdminCancelsAScheduledCampaignAfterConfirmingAndAnAgentCannot() {
        var name = "Later " + uniqueId("c");
        var campaignId = api.post("/api/v1/campaigns", """
                        {"name": "%s", "template": "promotion", "channel": "whatsapp",
                         "scheduledAt": "2099-01-01T10:00:00Z", "segment": {"tags": ["%s"]},
                         "params": {"promotion": "20%% off", "url": "https://shop.example/sale"}}""".formatted(name, uniqueId("nobody")))
                .path("id")
                .asString();
        browser.signIn(ConsoleTestPeople.person(people, Role.AGENT, "en"), ConsoleTestPeople.PASSWORD);
        browser.go("/console/campaigns/" + campaignId);
        assertThat(browser.driver.findElements(By.id("cancel"))).isEmpty();

        var admin = ConsoleTestPeople.person(people, Role.ADMIN, "en");
        browser.find("form[action$='/console/logout'] button").click();
        browser.signIn(admin, ConsoleTestPeople.PASSWORD);
        browser.go("/console/campaigns/" + campaignId);
        browser.find("#cancel button").click();
        browser.driver.switchTo().alert().dismiss(); // thought better of it
        assertThat(browser.find("#status").getText()).isEqualTo("scheduled");

        browser.find("#cancel button").click();
        browser.driver.switchTo().alert().accept();
        assertThat(browser.find(".flash").getText()).isEqualTo("Cancelled: nothing more of it will be sent.");
        assertThat(browser.find("#status").getText()).isEqualTo("cancelled");
        assertThat(browser.driver.findElements(By.id("cancel"))).isEmpty();
        assertThat(api.get("/api/v1/campaigns/" + campaignId).path("status").asString())
                .isEqualTo("cancelled");
    }
}
