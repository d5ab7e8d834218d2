package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The stock Bundles page asks before it stops a bundle: dismissing the question leaves the bundle running, accepting
 * it stops the bundle; starting it again asks nothing.
 */
class BundleActionsBrowserTest {
    private static final String BUNDLE = "io.homeward.autotunnel";
    private static final Pattern STATE = Pattern.compile("\"stateRaw\":(\\d+)");
    private static final int ACTIVE = 32;
    private static final int RESOLVED = 4;

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        runtime = ConsoleRuntime.start("bundle-actions", dir);
        browser = ConsoleBrowser.start();
        browser.logIn(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void stoppingABundleAsksFirstAndDismissingKeepsItRunning() throws Exception {
        // given the Bundles page with the autotunnel bundle active
        long id = bundleId();
        assertEquals(ACTIVE, state(id));
        browser.open(runtime.console() + "/bundles");
        WebElement stop = browser.await("the stop button of " + BUNDLE,
                d -> d.findElements(By.cssSelector("#entry" + id + " td:nth-child(6) ul li:nth-child(2)")).stream()
                        .findFirst().orElse(null));

        // when the stop button is clicked and the question dismissed
        click(stop);
        Alert question = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().startsWith("Stop bundle "), question.getText());
        question.dismiss();

        // then the bundle still runs
        Thread.sleep(500);
        assertEquals(ACTIVE, state(id), "dismissed: still active");

        // when it is clicked again and the question accepted
        click(stop);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();

        // then the bundle stops, and starting it again asks nothing
        assertTrue(Await.until("the bundle stopped", 15, () -> state(id), s -> s == RESOLVED) != null);
        browser.screenshot("bundle-stopped-after-confirmation");
        WebElement start = browser.await("the start button of " + BUNDLE,
                d -> d.findElements(By.cssSelector("#entry" + id + " td:nth-child(6) ul li:nth-child(1)")).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
        click(start);
        assertTrue(Await.until("the bundle started again", 15, () -> state(id), s -> s == ACTIVE) != null);
    }

    private static void click(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
    }

    private static long bundleId() throws Exception {
        String json = runtime.get("/bundles/" + BUNDLE + ".json");
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static int state(long id) {
        try {
            Matcher m = STATE.matcher(runtime.get("/bundles/" + id + ".json"));
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
