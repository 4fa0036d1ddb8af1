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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (Debian's Chromium through Selenium), against the application on a port with
 * its dispatcher and the sandbox running: signing in and out, wrong passwords and the lockout, a form without
 * its CSRF token, an agent answering a sandbox customer live, the template picker once the window closed, and
 * the dashboard counting a message sent a moment earlier. Takes the README's screenshots.
 */
@SandboxedServer
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the README's screenshots first, on a quiet dashboard
class ConsoleBrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    PeopleService people;

    @Autowired
    JdbcClient jdbc;

    private Browser browser;
    private HttpApi api;
    private String email;
    private String agentId;

    @BeforeEach
    void openBrowserAsANewAgent() throws IOException {
        api = new HttpApi(port);
        agentId = uniqueId("agent");
        email = agentId + "@shop.example";
        people.add(new PeopleService.NewPerson(
                email, "Lucía " + agentId, Role.AGENT, agentId, "en", List.of("es", "en"), PASSWORD));
        browser = Browser.open(port, 1400, 900);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signingInOpensTheInboxAndSigningOutEndsTheSession() {
        browser.signIn(email, PASSWORD);

        browser.waitFor(ExpectedConditions.urlContains("/console/inbox"));
        assertThat(browser.find(".topbar .who").getText()).isEqualTo("Lucía " + agentId);
        browser.find(".me button[type=submit]").click();
        browser.waitFor(ExpectedConditions.urlContains("/console/login?signedOut"));
        browser.go("/console/inbox");
        assertThat(browser.driver.getCurrentUrl()).contains("/console/login");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheFifthLocksTheAccountForFifteenMinutes() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.signIn(email, "wrong password " + attempt);
            browser.waitFor(ExpectedConditions.urlContains("/console/login?error"));
            assertThat(browser.find(".flash.error").getText()).isEqualTo("Wrong email or password.");
        }

        browser.signIn(email, PASSWORD);
        browser.waitFor(ExpectedConditions.urlContains("/console/login?locked"));
        assertThat(browser.find(".flash.error").getText()).contains("locked for 15 minutes");

        var lockedForSeconds = jdbc.sql("select extract(epoch from locked_until - now()) from person where email = ?")
                .param(email)
                .query(Double.class)
                .single();
        assertThat(lockedForSeconds).isBetween(14 * 60.0, 15 * 60.0);
        // fifteen minutes later (the lock's end moved, not the clock: the dispatcher of this context keeps
        // running, and a clock moved ahead would leave the shared pacing state in the future for other tests)
        jdbc.sql("update person set locked_until = now() - interval '1 second' where email = ?")
                .param(email)
                .update();
        browser.signIn(email, PASSWORD);
        browser.waitFor(ExpectedConditions.urlContains("/console/inbox"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        browser.signIn(email, PASSWORD);
        browser.waitFor(ExpectedConditions.urlContains("/console/inbox"));

        script("document.querySelector('form.language input[name=_csrf]').remove();"
                + "document.querySelector('form.language select').value = 'es';"
                + "document.querySelector('form.language').submit();");

        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "403"));
        browser.go("/console/inbox");
        assertThat(browser.find(".tabs-nav a.active").getText()).isEqualTo("Inbox"); // still English
    }

    @Test
    @Order(1)
    void anAgentSeesACustomerWriteWithoutReloadingRepliesAndTheCustomerReceivesItThenResolves() throws IOException {
        var customer = customer("Marta");
        var order = uniqueId("o");
        api.put("/api/v1/customers/" + customer.id() + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "checkout"}""");
        api.put("/api/v1/products/runner-x", """
                {"title": "Runner X", "variants": [{"variantId": "v-42", "title": "EU 42", "price": 89.95,
                 "currency": "EUR", "inventory": 5}]}""");
        api.put("/api/v1/orders/" + order, """
                {"customerId": "%s", "currency": "EUR", "total": 89.95,
                 "lines": [{"productId": "runner-x", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customer.id()));
        api.post("/api/v1/orders/" + order + "/shipments", """
                {"carrier": "SEUR", "trackingNumber": "SE123", "trackingUrl": "https://seur.example/SE123"}""");
        browser.signIn(email, PASSWORD);
        browser.go("/console/inbox?view=all");
        script("window.sameDocument = true;");

        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "Hola, ¿tenéis la talla 42 del Runner X?"}""");

        var item = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//a[contains(@class,'conversation-item')][.//strong[text()='Marta " + customer.id() + "']]")));
        assertThat(script("return window.sameDocument === true;")).isEqualTo(true); // arrived without a reload
        assertThat(item.findElement(By.cssSelector(".unread")).getText()).isEqualTo("1");
        item.click();

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("textarea[name=text]")));
        assertThat(browser.find(".lines .inbound .text").getText())
                .isEqualTo("Hola, ¿tenéis la talla 42 del Runner X?");
        assertThat(browser.find(".window").getText()).startsWith("Window open:");
        browser.find("textarea[name=text]").sendKeys("¡Hola Marta! Sí, te la reservo.");
        browser.find("#send").click();

        var reply = "¡Hola Marta! Sí, te la reservo.";
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".lines"), reply));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                agentMessage(customer, reply).path("status").asString())
                        .isIn("delivered", "read"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".lines .outbound:last-child .delivery"), "read")); // the pane refreshed itself
        assertThat(browser.find(".customer-card .orders").getText()).contains(order, "shipped", "SEUR SE123");
        assertThat(browser.find(".customer-card .consents").getText()).contains("whatsapp · transactional");
        browser.screenshot("console-inbox");

        browser.find("#resolve").click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".conversation-head .status"), "Resolved"));
        assertThat(conversation(customer).path("status").asString()).isEqualTo("resolved");
        assertThat(agentMessage(customer, reply).path("agentId").asString()).isEqualTo(agentId);
    }

    @Test
    @Order(3)
    void onAPhoneTheInboxShowsTheListThenTheConversationAlone() throws IOException {
        browser.close();
        browser = Browser.open(port, 390, 844);
        var customer = customer("Sofía");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "¿Hacéis envíos a Canarias?"}""");
        browser.signIn(email, PASSWORD);
        browser.go("/console/inbox?view=all");

        var item = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//a[contains(@class,'conversation-item')][.//strong[text()='Sofía " + customer.id() + "']]")));
        assertThat(browser.find(".conversation-pane").isDisplayed()).isFalse();
        item.click();

        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[name=text]")));
        assertThat(browser.find(".list-pane").isDisplayed()).isFalse();
        assertThat(browser.find(".back-to-list").isDisplayed()).isTrue();
        assertThat(browser.widerThanTheScreen()).isEmpty();
        browser.screenshot("console-phone");
    }

    @Test
    @Order(4)
    void anAgentSendsAPictureAndItShowsInlineOnceTheCustomerHasIt() throws IOException {
        var customer = customer("Iker");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "¿Me mandas una foto de la suela?"}""");
        var conversation = await().atMost(Duration.ofSeconds(10))
                .until(() -> conversation(customer).path("conversationId").asString(null), id -> id != null);
        var picture = java.nio.file.Files.createTempFile("sole", ".png");
        java.nio.file.Files.write(
                picture,
                java.util.Base64.getDecoder()
                        .decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="));
        browser.signIn(email, PASSWORD);
        browser.go("/console/inbox?view=all&c=" + conversation);

        browser.find("input[type=file]").sendKeys(picture.toString());
        browser.find("textarea[name=text]").sendKeys("Aquí la tienes");
        browser.find("#send").click();

        var image = browser.waitFor(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lines .outbound img.media")));
        assertThat(image.getAttribute("alt")).isEqualTo("Aquí la tienes");
        assertThat(script("return arguments[0].complete && arguments[0].naturalWidth;", image))
                .isEqualTo(1L);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(agentMessage(customer, "Aquí la tienes")
                                .path("status")
                                .asString())
                        .isIn("delivered", "read"));
    }

    @Test
    void onAPhoneNoPageIsWiderThanTheScreen() throws IOException {
        browser.close();
        browser = Browser.open(port, 390, 844);
        var customer = customer("Inés");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "Hola"}""");
        browser.signIn(ConsoleTestPeople.person(people, Role.ADMIN, "en"), ConsoleTestPeople.PASSWORD);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !conversation(customer).isMissingNode());

        for (var page : List.of(
                "/console/dashboard",
                "/console/journeys",
                "/console/campaigns",
                "/console/marketing",
                "/console/people",
                "/console/customers/" + customer.id())) {
            browser.go(page);
            assertThat(browser.widerThanTheScreen()).as(page).isEmpty();
        }
    }

    @Test
    @Order(5)
    void operatorsSeeTheJourneysTheCampaignsAndACustomersTimelineAndAdminsThePeople() throws IOException {
        var customer = customer("Nora");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "Hola"}""");
        var admin = ConsoleTestPeople.person(people, Role.ADMIN, "es");
        browser.signIn(admin, ConsoleTestPeople.PASSWORD);

        browser.go("/console/journeys");
        assertThat(browser.find("h1").getText()).isEqualTo("Recorridos"); // the admin reads Spanish
        assertThat(browser.find("table").getText()).contains("abandoned_cart", "order_summary", "win_back");
        browser.screenshot("console-journeys");
        var product = uniqueId("flash");
        api.put("/api/v1/products/" + product, """
                {"title": "Trail Y", "variants": [{"variantId": "v-40", "price": 129.90, "currency": "EUR",
                                                   "inventory": 5}]}""");
        api.post("/api/v1/campaigns", """
                {"name": "Tres horas", "template": "flash_sale", "channel": "whatsapp",
                 "scheduledAt": "%s", "segment": {"tags": ["%s"]},
                 "params": {"discountValue": "20 %%", "productName": "Trail Y", "productUrl": "https://shop.example/y"},
                 "flashSale": {"productId": "%s", "kind": "percent", "value": 20, "validFor": "PT3H"}}""".formatted(
                        Instant.now().plus(Duration.ofDays(1)), uniqueId("nobody"), product));
        browser.go("/console/campaigns");
        assertThat(browser.find("h1").getText()).isEqualTo("Campañas");
        assertThat(browser.find("table").getText()).contains("Tres horas", "programada", "oferta relámpago", "hasta");
        browser.screenshot("console-campaigns");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !conversation(customer).isMissingNode());
        api.post("/api/v1/customers/" + customer.id() + "/loyalty/adjustments", """
                {"points": 120, "reason": "bienvenida"}""");
        browser.go("/console/customers/" + customer.id());
        assertThat(browser.find("table.timeline").getText()).contains("Hola", "el cliente escribió · whatsapp");
        assertThat(browser.find("dl.loyalty").getText()).contains("Puntos", "120", "Nivel", "member");
        assertThat(browser.find("table.ledger").getText()).contains("Ajuste", "+120", "bienvenida");
        browser.screenshot("console-customer");
        browser.go("/console/people");
        assertThat(browser.find("table").getText()).contains(email, admin);
    }

    @Test
    void onceTheWindowClosedTheReplyBoxOffersTemplatesWithTheirParameters() {
        var customer = customer("Pedro");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "¿Dónde está mi pedido?"}""");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !conversation(customer).isMissingNode());
        // 25 hours later: the customer's last message moved back, not the clock (see the lockout test)
        jdbc.sql("update service_window set last_inbound_at = last_inbound_at - interval '25 hours' where phone = ?")
                .param(customer.phone())
                .update();
        browser.signIn(email, PASSWORD);

        browser.go("/console/inbox?view=all&status=any&c="
                + conversation(customer).path("conversationId").asString());

        assertThat(browser.has("textarea[name=text]")).isFalse();
        assertThat(browser.find(".window").getText()).isEqualTo("Window closed: templates only");
        sendTemplate("order_shipped", "1050");
        assertThat(browser.find(".flash.error").getText()) // no consent to utility messages yet: said so on the page
                .isEqualTo("The customer has not agreed to these messages on this channel.");

        api.put("/api/v1/customers/" + customer.id() + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "test"}""");
        sendTemplate("order_shipped", "1050");
        assertThat(browser.has(".flash.error")).isFalse();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(conversation(customer).path("messages").findValues("type").stream()
                                .map(JsonNode::asString)
                                .toList())
                        .contains("template"));
    }

    @Test
    @Order(2)
    void theDashboardShowsAMessageSentAMomentEarlier() throws IOException {
        browser.signIn(email, PASSWORD);
        browser.go("/console/dashboard");
        var before = Long.parseLong(browser.find("[data-figure=sentInRange]").getText());
        var customer = customer("Ana");
        api.put("/api/v1/customers/" + customer.id() + "/consents/whatsapp/transactional", """
                {"status": "granted", "source": "test"}""");

        var sent = api.post("/api/v1/messages", """
                {"customerId": "%s", "purpose": "transactional",
                 "template": {"key": "order_shipped", "params": {"orderId": "1050"}}}""".formatted(customer.id()));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/messages/"
                                        + sent.path("messageId").asString())
                                .path("status")
                                .asString())
                        .isIn("sent", "delivered", "read"));

        // the page refreshes itself every ten seconds: no reload
        browser.waitFor(driver ->
                Long.parseLong(browser.find("[data-figure=sentInRange]").getText()) > before);
        browser.waitFor(
                driver -> script("return typeof Chart !== 'undefined' && Object.keys(Chart.instances).length === 4;")
                        .equals(true));
        browser.screenshot("console-dashboard");
    }

    @Test
    @Order(6)
    void aMarketerSeesWhatTheMessagesEarnedAfterAClickAndAnOrder() throws Exception {
        var customer = customer("Marta");
        api.post("/api/v1/sandbox/customers/" + customer.phone() + "/whatsapp", """
                {"text": "¿Tenéis las Runner X en el 42?"}""");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !conversation(customer).isMissingNode());
        var messageId = api.post("/api/v1/messages", """
                        {"customerId": "%s", "purpose": "transactional",
                         "text": "¡Sí! Aquí las tienes: https://shop.example/p/runner-x"}""".formatted(customer.id()))
                .path("messageId")
                .asString();
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        !api.get("/api/v1/messages/" + messageId).path("links").isEmpty());
        var tracked = api.get("/api/v1/messages/" + messageId)
                .path("links")
                .path(0)
                .path("trackedUrl")
                .asString();
        var click = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(tracked))
                                .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(click.statusCode()).isEqualTo(302);
        var productId = uniqueId("p");
        api.put("/api/v1/products/" + productId, io.commerce.Api.product(10, "89.95"));
        var orderId = uniqueId("o");
        api.put("/api/v1/orders/" + orderId, """
                {"customerId": "%s", "currency": "EUR", "total": 89.95,
                 "lines": [{"productId": "%s", "variantId": "v-42", "quantity": 1, "unitPrice": 89.95}]}""".formatted(customer.id(), productId));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/orders/" + orderId)
                        .path("attribution")
                        .path("touch")
                        .asString("")
                        .equals("click"));

        browser.signIn(email, PASSWORD);
        browser.go("/console/marketing");

        assertThat(browser.find("h1").getText()).isEqualTo("What the messages earn");
        assertThat(Long.parseLong(browser.find("#orders").getText())).isPositive();
        assertThat(browser.find("#revenue").getText()).endsWith("EUR");
        assertThat(browser.find("table.funnel").getText()).contains("Name", "Sent", "ROCS");
        assertThat(browser.driver
                        .findElements(By.cssSelector("table.funnel"))
                        .get(2)
                        .getText())
                .contains("whatsapp"); // the channels' table
        assertThat(browser.find(".ratings").getText()).contains("Deliveries", "Conversations (CSAT)");
        assertThat(browser.widerThanTheScreen()).isEmpty();
    }

    private void sendTemplate(String key, String orderId) {
        new Select(browser.find("#template")).selectByValue(key);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.name("param.orderId")))
                .sendKeys(orderId);
        var picker = browser.find("#template");
        browser.find("#send-template").click();
        browser.waitFor(ExpectedConditions.stalenessOf(picker)); // the next page came
    }

    private record Customer(String id, String phone) {}

    private Customer customer(String firstName) {
        var id = uniqueId("c");
        var phone = MessagingFixtures.uniquePhone();
        api.put("/api/v1/customers/" + id, """
                {"phone": "%s", "firstName": "%s", "lastName": "%s", "language": "es"}""".formatted(phone, firstName, id));
        return new Customer(id, phone);
    }

    private JsonNode conversation(Customer customer) {
        var list = api.get("/api/v1/conversations?customerId=" + customer.id());
        var items = list.path("items");
        return items.isEmpty()
                ? items.path(0)
                : api.get("/api/v1/conversations/"
                        + items.path(0).path("conversationId").asString());
    }

    private JsonNode agentMessage(Customer customer, String text) {
        for (var message : conversation(customer).path("messages")) {
            if (text.equals(message.path("text").asString(null))
                    || text.equals(message.path("media").path("caption").asString(null))) {
                return message;
            }
        }
        return conversation(customer).path("no such message"); // missing: the assertion that asked fails
    }

    private Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser.driver).executeScript(javascript, arguments);
    }
}
