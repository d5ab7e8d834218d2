package io.homeward.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium (Debian {@code chromium}, driven through {@code chromium-driver}), headless, as a person uses
 * the console: it signs in to a runtime's console with the admin's login, which it then keeps for that origin as a
 * browser does, and saves screenshots under {@code itests/target/screenshots/}. A missing browser fails the test
 * (.ci/run installs both packages), unless HOMEWARD_ALLOW_MISSING_TOOLS=1 says this machine may skip it.
 */
public final class ConsoleBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts a fresh browser (its own profile, no cache) of a desktop window's size. */
    public static ConsoleBrowser start() {
        return start(false);
    }

    /**
     * Like {@link #start()}, taking any certificate: for a console beyond loopback, which serves HTTPS with a
     * certificate of its own that no browser knows (netlab/ConsoleHttpsLabTest checks which one it serves).
     */
    public static ConsoleBrowser startTakingAnyCertificate() {
        return start(true);
    }

    private static ConsoleBrowser start(boolean anyCertificate) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.setAcceptInsecureCerts(anyCertificate);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new ConsoleBrowser(driver);
    }

    /**
     * Fails (or skips, where HOMEWARD_ALLOW_MISSING_TOOLS=1 allows it) when the browser or its driver is missing,
     * naming the Debian packages.
     */
    public static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String why = "the browser tests need " + String.join(" and ", missing) + "; .ci/run installs them";
            Assumptions.assumeFalse(System.getenv("CI") == null && "1".equals(System.getenv("HOMEWARD_ALLOW_MISSING_TOOLS")), why);
            throw new AssertionError(why);
        }
    }

    /**
     * Signs in to the runtime's console as admin: the first page is opened with the login in its URL (RFC 3986
     * §3.2.1 userinfo), which the browser keeps for that origin and sends with every later request, as after a
     * person typed it into the login prompt. Returns the page it landed on, the console's start page.
     */
    String logIn(ConsoleRuntime runtime) {
        return logIn(runtime.origin(), runtime.password());
    }

    /** Like {@link #logIn(ConsoleRuntime)} for the console at {@code origin} ({@code https://host:port}). */
    public String logIn(String origin, String password) {
        driver.get(origin.replace("://", "://admin:" + password + "@") + "/system/console");
        return currentUrl();
    }

    /** The current page's URL without the login the browser keeps in it (links relative to the first page carry it). */
    public String currentUrl() {
        return driver.getCurrentUrl().replaceFirst("^(https?://)[^@/]*@", "$1");
    }

    /** Opens the URL in the current window. */
    public void open(String url) {
        driver.get(url);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits (bounded) until the condition holds on the current page; fails with the page's text otherwise. An element
     * that went stale while it was read (the page replaced it: a reload, a live refresh) is looked for again.
     */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT, condition);
    }

    /** Like {@link #await(String, Function)} for at most {@code within}. */
    public <T> T await(String what, Duration within, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, within).withMessage(what)
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(what + " did not happen within " + within.toSeconds() + " s; the page ("
                    + driver.getCurrentUrl() + ") shows:\n" + driver.findElement(org.openqa.selenium.By.tagName("body")).getText(), e);
        }
    }

    /** Saves what the window shows as {@code target/screenshots/<name>.png}; returns the file. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
