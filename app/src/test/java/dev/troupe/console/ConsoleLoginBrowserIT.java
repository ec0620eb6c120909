package dev.troupe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.console.amqp.ConsumerSwitch;
import dev.troupe.support.Chromium;
import dev.troupe.support.TroupeIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The console in a real browser where an admin password is configured: one not logged in is kept
 * from acting, whether the page hides the action or a session ended under an open page, and is
 * sent to the login form; logged in there, the same action works. The properties are
 * {@link ConsoleLoginIT}'s, so the two share one application.
 */
@TestPropertySource(properties = {"troupe.admin.user=keeper", "troupe.admin.password=s3cret-for-the-test"})
class ConsoleLoginBrowserIT extends TroupeIT {

    private static final String PASSWORD = "s3cret-for-the-test";

    private static Chromium browser;

    @Autowired
    ConsumerSwitch consumers;

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
    void openConsoleLoggedOut() throws Exception {
        browser = browser != null ? browser : Chromium.start();
        browser.resize(1280, 900);
        browser.driver().manage().deleteAllCookies();
        console = new ConsolePage(browser, port).open();
    }

    @AfterEach
    void leaveTheMailerRunning() {
        consumers.run("mailer", true);
    }

    @Test
    void oneNotLoggedInFindsTheActionsLockedIsSentToLogInAndThenPausesTheMailer() throws Exception {
        assertThat(console.lockedNote("break")).isEqualTo("The admin may act here and see personal data: log in");
        assertThat(console.lockedNote("users")).endsWith("log in");
        assertThat(console.canSwitchConsumers()).isFalse();

        console.go("/mail");
        assertThat(console.path()).isEqualTo("/login");
        assertThat(console.logIn("keeper", "a guess")).endsWith("/login?error");
        assertThat(console.text("[role=alert]")).containsIgnoringCase("credentials");
        assertThat(console.logIn("keeper", PASSWORD)).doesNotContain("/login");

        console.open();
        assertThat(console.switchConsumers("Pause", "mailer")).isEqualTo("paused");
        assertThat(mailerRunning()).isFalse();
        browser.screenshot("console-logged-in");
    }

    @Test
    void anActionFromAPageWhoseSessionEndedIsRefusedUntilTheAdminLogsInAgain() throws Exception {
        console.go("/login");
        assertThat(console.logIn("keeper", PASSWORD)).doesNotContain("/login");
        console.open();
        console.until(page -> console.canSwitchConsumers());

        browser.driver().manage().deleteCookieNamed("JSESSIONID"); // as when the session expires
        console.pressConsumerButton("Pause", "mailer");

        String refusal = console.until(page -> console.access().isEmpty() ? null : console.access());
        assertThat(refusal).isEqualTo("log in first");
        assertThat(mailerRunning()).isTrue();
        browser.screenshot("console-refused");

        console.go("/login");
        assertThat(console.logIn("keeper", PASSWORD)).doesNotContain("/login");
        console.open();
        assertThat(console.switchConsumers("Pause", "mailer")).isEqualTo("paused");
        assertThat(mailerRunning()).isFalse();
    }

    private boolean mailerRunning() {
        return consumers.services().stream().filter(service -> service.name().equals("mailer"))
            .allMatch(ConsumerSwitch.Service::running);
    }
}
