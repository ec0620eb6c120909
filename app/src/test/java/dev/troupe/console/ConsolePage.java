package dev.troupe.console;

import dev.troupe.support.Chromium;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console as one sees it in the browser, for the *BrowserIT tests: its panels found by the ids
 * and the button labels the page already has, what they show read as text, every wait one for what
 * the page shows (a minute at most), none for a fixed time.
 */
final class ConsolePage {

    private final Chromium browser;
    private final ChromeDriver driver;
    private final String address;

    ConsolePage(Chromium browser, int port) {
        this.browser = browser;
        this.driver = browser.driver();
        this.address = "http://localhost:" + port;
    }

    /** Loads the console and waits for its live feed. */
    ConsolePage open() {
        driver.get(address + "/");
        until(ExpectedConditions.textToBe(By.id("status"), "live"));
        return this;
    }

    void go(String path) {
        driver.get(address + path);
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return browser.waiting().until(condition);
    }

    // ---- users ----

    /** Fills the Users panel's form and submits it; returns how it ended, as the page says. */
    String register(String name, String email) {
        WebElement form = driver.findElement(By.id("register"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        return until(page -> {
            String outcome = text("#register-outcome");
            return outcome.isEmpty() || outcome.equals("registering…") ? null : outcome;
        });
    }

    /** The cells of the user's row (name, e-mail, id, coupon), on the last page of the list: the newest users are there. */
    List<String> userRow(String email) {
        showLastUsersPage();
        return until(page -> rows("#user-list").stream().filter(cells -> cells.size() > 1 && cells.get(1).equals(email))
            .findFirst().orElse(null));
    }

    private void showLastUsersPage() {
        until(page -> !rows("#user-list").isEmpty());
        while (driver.findElement(By.id("users-next")).isEnabled()) {
            String before = text("#user-page");
            String firstBefore = firstRowText("#user-list");
            driver.findElement(By.id("users-next")).click();
            // the caption changes first, then the rows, once their coupons are read
            until(page -> !text("#user-page").equals(before) && !firstRowText("#user-list").equals(firstBefore));
        }
    }

    // ---- live flow ----

    /** Types into the live flow's filter; returns the routing keys of the messages it leaves, once {@code expected} are among them. */
    List<String> flowRoutingKeysOf(String userOrEmail, List<String> expected) {
        WebElement filter = driver.findElement(By.id("user-filter"));
        filter.clear();
        filter.sendKeys(userOrEmail);
        return until(page -> {
            List<String> keys = rows("#messages").stream().map(cells -> cells.get(1)).toList();
            return keys.containsAll(expected) ? keys : null;
        });
    }

    List<List<String>> flowRows() {
        return rows("#messages");
    }

    // ---- trace ----

    /** Asks the Trace panel for {@code id}'s trace until its steps include {@code expected} (spans come a second after they end); returns them. */
    List<String> traceSteps(String id, List<String> expected) {
        try {
            return until(page -> {
                WebElement input = driver.findElement(By.id("trace-id"));
                input.clear();
                input.sendKeys(id);
                driver.findElement(By.cssSelector("#trace-form button[type=submit]")).click();
                List<String> steps = rows("#trace-steps").stream().map(cells -> cells.get(0)).toList();
                return steps.containsAll(expected) ? steps : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the Trace panel said '" + text("#trace-outcome") + "' and showed "
                + rows("#trace-steps") + "; the page said '" + text("#access") + "'", e);
        }
    }

    // ---- mailbox ----

    /** Shows the mail to {@code address}, as the page listed it when it opened; returns the frame its HTML is shown in. */
    WebElement showMailTo(String address) {
        WebElement mail = until(page -> page.findElements(By.cssSelector("#mails button")).stream()
            .filter(button -> button.getText().contains(address)).findFirst().orElse(null));
        mail.click();
        until(page -> "true".equals(mail.getDomAttribute("aria-pressed")));
        return driver.findElement(By.id("mail-html"));
    }

    /** The text of the body of the document in {@code frame}, once it has some. */
    String textIn(WebElement frame) {
        driver.switchTo().frame(frame);
        try {
            return until(page -> {
                String body = page.findElement(By.tagName("body")).getText();
                return body.isBlank() ? null : body;
            });
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    // ---- break it ----

    /** Clicks "Pause ..." or "Resume ..." of a service in the Break it panel; returns its state once the page shows it changed. */
    String switchConsumers(String action, String service) {
        String before = consumerState(service);
        pressConsumerButton(action, service);
        return until(page -> {
            String now = consumerState(service);
            return Objects.equals(now, before) ? null : now;
        });
    }

    /** Clicks "Pause ..." or "Resume ..." of a service, whatever comes of it. */
    void pressConsumerButton(String action, String service) {
        until(ExpectedConditions.elementToBeClickable(
            By.xpath("//table[@id='consumers']//button[normalize-space()='" + action + " " + service + "']"))).click();
    }

    boolean canSwitchConsumers() {
        return driver.findElements(By.cssSelector("#consumers button")).stream().anyMatch(WebElement::isDisplayed);
    }

    private String consumerState(String service) {
        return rows("#consumers").stream().filter(cells -> cells.get(0).equals(service)).map(cells -> cells.get(2))
            .findFirst().orElse(null);
    }

    /** The messages waiting in {@code queue}, as the map's table shows them, once {@code wanted} holds. */
    long waitingIn(String queue, LongPredicate wanted) {
        return until(page -> rows("#queues").stream().filter(cells -> cells.get(0).equals(queue))
            .map(cells -> Long.parseLong(cells.get(3))).filter(wanted::test).findFirst().orElse(null));
    }

    // ---- parking ----

    /** The text of the parked message's row, as the page listed it when it opened. */
    String parkedRow(String messageId) {
        return until(ExpectedConditions.visibilityOfElementLocated(parkedRowLocator(messageId))).getText();
    }

    /** Clicks Replay or Discard in the parked message's row and accepts the page's question; returns the question. */
    String settleParked(String messageId, String action) {
        driver.findElement(parkedRowLocator(messageId)).findElement(By.xpath(".//button[normalize-space()='" + action + "']"))
            .click();
        Alert question = until(ExpectedConditions.alertIsPresent());
        String asked = question.getText();
        question.accept();
        return asked;
    }

    boolean parkedRowGone(String messageId) {
        return until(ExpectedConditions.numberOfElementsToBe(parkedRowLocator(messageId), 0)).isEmpty();
    }

    private static By parkedRowLocator(String messageId) {
        return By.cssSelector("#parked tbody tr[data-message-id='" + messageId + "']");
    }

    // ---- what is locked ----

    /** The note a locked panel shows instead of its actions, once the page has checked the access. */
    String lockedNote(String panel) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + panel + " .locked-note"))).getText();
    }

    /** Logs in through the login form (Spring Security's); returns where its answer led. */
    String logIn(String user, String password) {
        loaded();
        WebElement name = until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.stalenessOf(name));
        loaded();
        return driver.getCurrentUrl();
    }

    /**
     * Until the page the browser is on has loaded: once the old page's element is stale, the next
     * page may still be loading, and an element found in it then can belong to a document about to
     * be replaced (CI saw "Node with given id does not belong to the document").
     */
    private void loaded() {
        until(page -> "complete".equals(((JavascriptExecutor) page).executeScript("return document.readyState")));
    }

    String access() {
        return text("#access");
    }

    // ---- reading ----

    /** What {@code script} returns, run in the page (its functions are the page's own). */
    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The texts of the map's diagram once it shows the queues: a queue's line names its waiting and its consumers. */
    @SuppressWarnings("unchecked")
    List<String> diagramTexts() {
        return until(page -> {
            List<String> texts = (List<String>) script("return [...document.querySelectorAll('#diagram text')]"
                + ".map(text => text.textContent);");
            return texts.stream().anyMatch(text -> text.contains(" waiting · ")) ? texts : null;
        });
    }

    String text(String css) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
            "const found = document.querySelector(arguments[0]); return found ? found.textContent.trim() : '';", css));
    }

    /** Each row of the table's body, as the text of its cells (read at once, so no row goes stale under the reading). */
    @SuppressWarnings("unchecked")
    List<List<String>> rows(String table) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(
            "return [...document.querySelectorAll(arguments[0] + ' tbody tr')]"
                + ".map(row => [...row.cells].map(cell => cell.textContent.trim()));", table);
    }

    private String firstRowText(String table) {
        List<List<String>> rows = rows(table);
        return rows.isEmpty() ? "" : String.join("|", rows.get(0));
    }
}
