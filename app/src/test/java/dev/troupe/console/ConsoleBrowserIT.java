package dev.troupe.console;

import dev.troupe.messaging.parking.ParkingHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.console.amqp.ConsumerSwitch;
import dev.troupe.console.amqp.MessageTap;
import dev.troupe.messaging.ConfirmedPublisher;
import dev.troupe.messaging.internal.Parking;
import dev.troupe.messaging.Queues;
import dev.troupe.support.Chromium;
import dev.troupe.support.TroupeIT;
import dev.troupe.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console in a real browser (headless Chromium), on the whole application: what the HTTP-level
 * console tests cannot see is whether the page's own script turns the feed and the APIs into what
 * one reads and clicks, a registration's outcome, its messages, its mail and its coupon, a paused
 * service's queue growing and draining, a parked message settled after the page's question, and a
 * name full of markup shown as text. With no admin password, the browser on this machine is the admin.
 * Each test saves a screenshot of the whole page in {@code target/screenshots/}.
 */
class ConsoleBrowserIT extends TroupeIT {

    private static final String MAIL_QUEUE = "user_created_mail_queue";

    private static Chromium browser;

    @Autowired
    MessageTap tap;

    @Autowired
    ConsumerSwitch consumers;

    @Autowired
    ConfirmedPublisher publisher;

    private ConsolePage console;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Started by the first test (skipped, with the reason, where no Chromium is installed), closed after the last. */
    @BeforeEach
    void openConsole() throws Exception {
        browser = browser != null ? browser : Chromium.start();
        browser.resize(1280, 900);
        console = new ConsolePage(browser, port).open();
        eventually().until(tap::isOpen);
    }

    @AfterEach
    void leaveTheMailerRunning() {
        consumers.run("mailer", true);
    }

    @Test
    void aUserRegisteredInTheFormShowsItsOutcomeItsMessagesItsTraceItsWelcomeMailAndItsCoupon() throws Exception {
        String email = uniqueEmail("browser-form");

        String outcome = console.register("Ada Browser", email);

        assertThat(outcome).matches(registered("Ada Browser", email));
        browser.screenshot("console-register");
        String id = eventually().until(() -> findUserByEmail(email), user -> user != null).id().toString();
        String coupon = eventually().until(() -> couponOf(id), code -> code != null);
        eventually().until(() -> mailsTo(email).size() == 1);
        console.open();

        assertThat(console.userRow(email)).containsExactly("Ada Browser", email, id, coupon + " (active)", "Delete");
        assertThat(console.flowRoutingKeysOf(email, List.of("create_user", "user_created"))).contains("create_user", "user_created");
        assertThat(console.flowRows()).anySatisfy(row -> assertThat(row.subList(1, 4)).containsExactly("user_created", id, email));
        assertThat(console.traceSteps(id, List.of("welcome mail sent over SMTP", "user_created handled by coupons")))
            .contains("HTTP POST /external_users/", "create_user handled by user-commands",
                "user_created written to the outbox, in the same transaction", "user_created relayed from the outbox",
                "user checked before mailing");
        browser.screenshot("console-trace");
        if (mailIsEmbedded()) { // the mailbox shows the embedded catcher's mail; a real SMTP server's is not there
            assertWelcomeMailShownInASandbox(email, "Ada Browser");
        }
        browser.screenshot("console");
    }

    private void assertWelcomeMailShownInASandbox(String email, String name) {
        WebElement frame = console.showMailTo(email);
        assertThat(frame.getDomAttribute("sandbox")).as("the mail's frame is sandboxed").isNotNull()
            .doesNotContain("allow-scripts");
        assertThat(console.textIn(frame)).contains("Hello " + name, "welcome aboard");
    }

    @Test
    void countsAreWrittenAsAPersonWritesThemOneConsumerNotOneConsumers() {
        assertThat(console.script("return [count(1, 'consumer'), count(2, 'consumer'), count(0, 'consumer'),"
            + " count(-1, 'consumer'), count(1, 'parked message'), count(3, 'address', 'addresses')]"))
            .isEqualTo(List.of("1 consumer", "2 consumers", "0 consumers", "– consumers", "1 parked message", "3 addresses"));
        // the map as drawn: each queue's consumers through the same count
        List<String> queues = console.diagramTexts();
        assertThat(queues).anyMatch(text -> text.matches(".* waiting · (\\d+|–) consumers?"))
            .noneMatch(text -> text.endsWith(" 1 consumers"));
    }

    @Test
    void theMailerPausedItsQueueGrowsOnTheMapAndResumedItDrains() throws Exception {
        assertThat(console.switchConsumers("Pause", "mailer")).isEqualTo("paused");
        assertThat(consumers.services()).anyMatch(service -> service.name().equals("mailer") && !service.running());
        String first = uniqueEmail("browser-paused");
        String second = uniqueEmail("browser-paused");
        postJson("/external_users/", Map.of("name", "Waiting One", "email", first)).expectStatus().isAccepted();
        postJson("/external_users/", Map.of("name", "Waiting Two", "email", second)).expectStatus().isAccepted();

        assertThat(console.waitingIn(MAIL_QUEUE, waiting -> waiting >= 2)).isGreaterThanOrEqualTo(2);
        assertThat(mailsTo(first)).isEmpty();
        browser.screenshot("console-paused");

        assertThat(console.switchConsumers("Resume", "mailer")).isEqualTo("consuming");
        assertThat(console.waitingIn(MAIL_QUEUE, waiting -> waiting == 0)).isZero();
        eventually().until(() -> mailsTo(first).size() == 1 && mailsTo(second).size() == 1);
    }

    @Test
    void aPoisonMessageParkedIsDiscardedFromTheParkingPanelOnceTheQuestionIsAccepted() throws Exception {
        String poisonId = publish(Topology.EXCHANGE, Topology.CREATE_USER, "{\"name\": \"Unfinished\"", Map.of());
        awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, poisonId);
        console.open();
        assertThat(console.parkedRow(poisonId)).contains(Topology.CREATE_USER_OPERATION_QUEUE, Topology.CREATE_USER);

        assertThat(console.settleParked(poisonId, "Discard")).isEqualTo("Discard 1 parked message?");

        assertThat(console.parkedRowGone(poisonId)).isTrue();
        assertThat(parked(Topology.CREATE_USER_OPERATION_QUEUE)).noneMatch(message -> message.messageId().equals(poisonId));
        browser.screenshot("console-parking");
    }

    @Test
    void aParkedRegistrationReplayedFromTheParkingPanelRegistersItsUser() throws Exception {
        String email = uniqueEmail("browser-replayed");
        String parkedId = publish("", Queues.parkingQueueOf(Topology.CREATE_USER_OPERATION_QUEUE),
            "{\"name\": \"Replayed\", \"email\": \"" + email + "\"}",
            Map.of(ParkingHeaders.REASON, "gave up during an outage", ParkingHeaders.ORIGINAL_QUEUE, Topology.CREATE_USER_OPERATION_QUEUE));
        awaitParked(Topology.CREATE_USER_OPERATION_QUEUE, parkedId);
        console.open();
        assertThat(console.parkedRow(parkedId)).contains("gave up during an outage");

        assertThat(console.settleParked(parkedId, "Replay")).isEqualTo("Replay 1 parked message?");

        assertThat(console.parkedRowGone(parkedId)).isTrue();
        eventually().until(() -> findUserByEmail(email) != null);
        browser.screenshot("console-replayed");
    }

    @Test
    void aNameMadeOfMarkupIsShownAsTextAndRunsNoScript() throws Exception {
        String name = "<script>alert(1)</script>";
        String email = uniqueEmail("browser-markup");

        assertThat(console.register(name, email)).matches(registered(name, email));
        eventually().until(() -> findUserByEmail(email) != null);
        console.open();

        assertThat(console.userRow(email).get(0)).isEqualTo(name);
        WebElement cell = browser.driver().findElement(By.xpath(
            "//table[@id='user-list']//tr[td[2][normalize-space()='" + email + "']]/td[1]"));
        assertThat(cell.getText()).isEqualTo(name);
        assertThat(cell.findElements(By.xpath("./*"))).as("no element made of the name").isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("main script"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.screenshot("console-markup-name");
    }

    @Test
    void onAPhoneWideScreenTheMapKeepsTheQueuesAndDropsTheirBindings() throws Exception {
        browser.resize(390, 844);
        console.open();

        assertThat(browser.driver().executeScript("return window.innerWidth")).isEqualTo(390L);
        console.waitingIn(MAIL_QUEUE, waiting -> waiting >= 0);
        List<WebElement> headers = browser.driver().findElements(By.cssSelector("#queues thead th"));
        assertThat(headers.get(0).isDisplayed()).as("the Queue column").isTrue();
        assertThat(headers.get(1).isDisplayed()).as("the Bound with column").isFalse();
        browser.screenshot("console-phone");
    }

    private static String registered(String name, String email) {
        return Pattern.quote("registered: " + name + " <" + email + ">, id ") + UUID_V7;
    }

    /** The user's coupon code, or null while it has none. */
    private String couponOf(String userId) {
        var answer = http.get().uri("/coupons/?user_id={id}", userId).exchange().returnResult(String.class);
        return answer.getStatus().value() == 200
            ? json.readTree(answer.getResponseBody()).path("code").asString() : null;
    }

    private String publish(String exchange, String routingKey, String body, Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(null);
        properties.setMessageId(UUID.randomUUID().toString());
        headers.forEach(properties::setHeader);
        publisher.publish(exchange, routingKey, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
        return properties.getMessageId();
    }
}
