package dev.troupe.support;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the *BrowserIT tests: Debian's {@code chromium} and {@code chromium-driver}
 * at fixed paths, so that Selenium Manager never tries to download a browser or a driver (this
 * machine reaches no such site), with the flags that keep Chromium off the network it has not got,
 * and a profile of its own, deleted at the end. Where the browser is missing, CI (or the
 * real-servers run) fails, saying what to install; a developer's run skips the browser tests, and
 * says so on the build's console once, not only in the Failsafe report few people open.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian puts them; another place by {@code -Dtroupe.test.chromium=…} and {@code -Dtroupe.test.chromedriver=…}. */
    static final Path BROWSER = Path.of(System.getProperty("troupe.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("troupe.test.chromedriver", "/usr/bin/chromedriver"));
    /** The reasons already said on the console: each once, however many tests it skips. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    /** Starts the browser, or fails (CI, real servers) or skips (a developer's machine) where it is not installed. */
    public static Chromium start() throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("troupe-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort().build();
        try {
            return new Chromium(profile, service, new ChromeDriver(service, options(profile)));
        } catch (RuntimeException failed) {
            service.stop();
            delete(profile);
            throw failed;
        }
    }

    private static void requireInstalled() {
        boolean strict = System.getenv("CI") != null || "true".equals(System.getenv("TROUPE_REAL_SERVERS")) || ServerSet.real();
        requireInstalled(BROWSER, DRIVER, strict, System.out);
    }

    /**
     * Returns where both are there; else fails ({@code strict}: CI, the real servers) or skips the
     * test, the reason said first on {@code console} (once): the report alone keeps it out of sight.
     */
    static void requireInstalled(Path browser, Path driver, boolean strict, PrintStream console) {
        if (Files.isExecutable(browser) && Files.isExecutable(driver)) {
            return;
        }
        String missing = (Files.isExecutable(browser) ? driver : browser) + " is missing: install Debian's chromium and "
            + "chromium-driver (apt-get install -y chromium chromium-driver) to run the browser tests";
        if (strict) {
            throw new IllegalStateException(missing);
        }
        if (SAID.add(missing)) {
            console.println("[WARNING] Browser tests skipped: " + missing);
            console.flush();
        }
        Assumptions.abort(missing);
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1280,900", "--user-data-dir=" + profile);
        return options;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait for something the page shows; a minute, as long as the tests' {@code eventually()}. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Sets the size of the window (the viewport, headless), as a screen of that width shows the page. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The whole page, not only the part in the window, as a PNG in {@code target/screenshots/}: the window
     * made as tall as the page for the shot (a capture beyond the window, by the DevTools protocol, leaves
     * the sandboxed mail frame blank), then given its size back.
     */
    public Path screenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        // the page's height, and what the window has beside its viewport
        long height = (Long) driver.executeScript("window.scrollTo(0, 0);"
            + " return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        byte[] png;
        try {
            resize(window.getWidth(), (int) height);
            png = driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(window);
        }
        Path file = Path.of(System.getProperty("basedir", "."), "target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        return Files.write(file, png);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
