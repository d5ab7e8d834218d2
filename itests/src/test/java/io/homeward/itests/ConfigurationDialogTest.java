package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's Configuration dialog in the system's Chromium cannot break the host: a value the metatype refuses
 * is not stored, the dialog says why, and the registrar keeps publishing with its last good configuration; a good
 * value is still saved and used at once. The console's own settings, which the launcher stores with the generated
 * password hashed, keep that password when saved and are not saved without one, which would replace the login with
 * admin/admin.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigurationDialogTest {
    private static final String PASSWORD = "alice-browser-password";
    private static final Pattern LEASE_EXPIRES = Pattern.compile("\"leaseExpires\":\"([^\"]+)\"");

    @TempDir
    static Path dir;
    private static ConsoleRuntime runtime;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        runtime = ConsoleRuntime.start("config-dialog", dir);
        runtime.signInAsAlice(PASSWORD);
        published("the host's records published after signing in");
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
    @Order(1)
    void aLeaseThatIsNotANumberIsRefusedInTheDialogAndTheHostKeepsPublishing() throws Exception {
        String before = published("published before the change");
        save("ninety minutes");
        WebElement alert = browser.await("the console's error dialog", d -> d.findElements(By.cssSelector(".ui-dialog"))
                .stream().filter(WebElement::isDisplayed).filter(e -> e.getText().contains("The request failed"))
                .findFirst().orElse(null));
        browser.screenshot("configuration-refused");
        String text = alert.getText();
        assertTrue(text.contains("Lease seconds (leaseSeconds): \"ninety minutes\" is not a whole number"), text);
        assertTrue(text.contains("io.homeward.registrar keeps its configuration"), text);
        assertFalse(text.contains("HTTP ERROR"), "the reason alone, not the HTTP server's error page: " + text);

        assertFalse(runtime.get("/configMgr/io.homeward.registrar.json").contains("ninety"), "nothing was stored");
        String after = published("still published");
        assertEquals(leaseExpires(before), leaseExpires(after), "the registration is the one from before the change");
    }

    @Test
    @Order(2)
    void aLeaseOutOfItsRangeIsRefusedWithTheRange() throws Exception {
        save("20");
        WebElement alert = browser.await("the console's error dialog", d -> d.findElements(By.cssSelector(".ui-dialog"))
                .stream().filter(WebElement::isDisplayed).filter(e -> e.getText().contains("less than minimum"))
                .findFirst().orElse(null));
        assertTrue(alert.getText().contains("Lease seconds (leaseSeconds): \"20\" is refused: less than minimum"),
                alert.getText());
        assertFalse(runtime.get("/configMgr/io.homeward.registrar.json").contains("\"value\":20,"), "nothing was stored");
    }

    @Test
    @Order(3)
    void aGoodLeaseIsSavedAndPublishedAtOnce() throws Exception {
        save("3600");
        browser.await("the dialog closed after saving", d -> d.findElements(By.name("leaseSeconds")).stream()
                .noneMatch(WebElement::isDisplayed) ? true : null);
        String json = Await.until("the registrar publishing with the new lease", 30, () -> runtime.read("/homeward-network/registration.json"),
                j -> leaseExpires(j).filter(t -> Duration.between(Instant.now(), t).toSeconds() < 3700).isPresent());
        long left = Duration.between(Instant.now(), leaseExpires(json).orElseThrow()).toSeconds();
        assertTrue(left > 3500, "a lease of about an hour: " + left + " s");
    }

    @Test
    @Order(4)
    void theConsolesOwnSettingsKeepTheirPasswordAndAreNotSavedWithoutOneSoItsLoginStays() throws Exception {
        String settings = "/configMgr/org.apache.felix.webconsole.internal.servlet.OsgiManager";
        String form = "apply=true&action=ajaxConfigManager&propertylist=default.render,username,password"
                + "&default.render=homeward-network&username=admin&password=";
        // What the dialog posts when the password is left as it shows it: the launcher stored the hashed password of
        // DATA/console-password, which the console keeps.
        assertEquals(302, runtime.post(settings, form + "unmodified"), "saved (the console then shows its list)");
        // Saving its own settings re-registers the console's servlet: a read in that moment finds no console.
        Await.until("the new start page stored", 10, () -> runtime.read(settings + ".json"),
                json -> json.contains("\"value\":\"homeward-network\""));
        assertEquals(400, runtime.post(settings, form), "an emptied password is refused");
        assertEquals(200, Http.get(runtime.console() + "/homeward-network", "admin", runtime.password()).status(),
                "the generated login still works");
        assertEquals(401, Http.get(runtime.console() + "/homeward-network", "admin", "admin").status(), "admin/admin does not");
    }

    /** Opens the registrar's configuration in the dialog, types the lease and presses Save. */
    private static void save(String lease) {
        browser.open(runtime.console() + "/configMgr/io.homeward.registrar");
        WebElement field = browser.await("the registrar's configuration dialog",
                d -> d.findElements(By.name("leaseSeconds")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        field.clear();
        field.sendKeys(lease);
        browser.screenshot("configuration-lease-" + lease.replace(' ', '-'));
        saveButton(browser.driver()).click();
    }

    private static WebElement saveButton(WebDriver driver) {
        return driver.findElements(By.cssSelector(".ui-dialog-buttonpane button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().equals("Save")).findFirst()
                .orElseThrow(() -> new AssertionError("the dialog has no Save button"));
    }

    private static String published(String what) throws InterruptedException {
        return Await.until(what, 30, () -> runtime.read("/homeward-network/registration.json"), j -> j.contains("\"published\":{"));
    }

    private static java.util.Optional<Instant> leaseExpires(String json) {
        Matcher m = LEASE_EXPIRES.matcher(json);
        return m.find() ? java.util.Optional.of(Instant.parse(m.group(1))) : java.util.Optional.empty();
    }
}
