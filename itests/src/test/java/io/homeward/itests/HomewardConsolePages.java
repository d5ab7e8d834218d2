package io.homeward.itests;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The Homeward pages of the web console as the browser tests and benchmarks use them: every page label, URL and
 * selector they rely on is here and nowhere else, so that when a page moves or changes its markup this class is the
 * one to change. Each step waits (bounded, {@link ConsoleBrowser#await}) for what a person would wait for.
 */
public final class HomewardConsolePages {
    /** The console's start page: this host, the verdict and the user's machines. */
    public static final String OVERVIEW = "homeward-overview";
    /** The overview's live part alone, which the page fetches again every few seconds (res/overview.js). */
    public static final String OVERVIEW_LIVE = OVERVIEW + ".live";
    /** A row per machine of the user with Ping, and Revoke where the rendezvous runs. */
    public static final String MACHINES = "homeward-machines";
    /** The pre-flight and the invite form: code, QR code and the command to run on the new machine. */
    public static final String ADD_MACHINE = "homeward-add-machine";
    /** The Rendezvous page's Users section: a row per user (set password, remove) and the form that adds one. */
    public static final String USERS = "homeward-rendezvous/users";
    /** A form whose POST changes something: what a page of another origin tries, see {@link #crossOriginForm}. */
    public static final String CHANGE_TARGET = ADD_MACHINE;
    /** The Web Console's own page, the anchor of the page-load benchmark. */
    public static final String WEB_CONSOLE_BUNDLES = "bundles";

    /** A link to a Homeward page in a page's HTML. */
    private static final Pattern PAGE_LINK = Pattern.compile("href=\"[^\"]*/system/console/(homeward[a-z-]*)\"");
    /** Homeward's own row of tabs on its pages (ConsoleMenu), which also names pages a runtime may not serve. */
    private static final Pattern HOMEWARD_TABS = Pattern.compile("<nav class=\"homeward-menu\".*?</nav>", Pattern.DOTALL);
    static final By MENU_LINKS = By.cssSelector("#navmenu a[href*='/system/console/homeward']");
    static final By VERDICT = By.id("homeward-verdict");
    /** The first cell of each row of the overview's machine list: the machine's name, a space and its ULA. */
    static final By MACHINE_NAMES = By.cssSelector("#homeward-live table.overview-machines td[data-label='Machine']");
    static final By INVITE_HOST = By.id("homeward-invite-host");
    static final By INVITE_CODE = By.id("homeward-invite-code");
    static final By INVITE_QR = By.cssSelector("#homeward-invite-qr svg");
    /** What the last action on the Machines page did (a ping, a revocation). */
    static final By OUTCOME = By.id("homeward-outcome");
    static final By CONFIRM_QUESTION = By.id("confirm-question");
    static final By CONFIRM = By.id("confirm");
    static final By ADD_USER_NAME = By.id("add-user-name");
    static final By ADD_USER_PASSWORD = By.id("add-user-password");
    static final By ADD_USER = By.id("add-user-submit");

    private final ConsoleBrowser browser;
    private final String console;

    /** The pages of the console at {@code origin} ({@code https://host:port}), in a browser signed in to it. */
    public HomewardConsolePages(ConsoleBrowser browser, String origin) {
        this.browser = browser;
        this.console = origin + "/system/console";
    }

    /** The URL of a page (or document, such as {@code homeward-overview.json}) by its label. */
    public String url(String label) {
        return console + "/" + label;
    }

    /** The invite form's fields as its page posts them: an invite for {@code host} of the account {@code user}. */
    public static String inviteForm(String user, String host) {
        return "action=invite&user=" + user + "&host=" + host + "&valid=1+hour";
    }

    /** Opens the overview; returns its verdict once shown. */
    public String overview() {
        browser.open(url(OVERVIEW));
        return browser.await("the overview's verdict", d -> d.findElements(VERDICT).stream().map(WebElement::getText)
                .filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** The machines the overview lists now, by name (the current page must be the overview). */
    public List<String> machines() {
        return browser.driver().findElements(MACHINE_NAMES).stream().map(WebElement::getText)
                .map(t -> t.contains(" ") ? t.substring(0, t.indexOf(' ')) : t).toList();
    }

    /**
     * Waits (at most {@code seconds}) until the overview, left open, lists the machine (or, with {@code listed} false,
     * no longer does).
     */
    public void awaitMachine(String host, boolean listed, long seconds) {
        browser.await(listed ? host + " listed on the overview" : host + " gone from the overview",
                Duration.ofSeconds(seconds), d -> machines().contains(host) == listed ? Boolean.TRUE : null);
    }

    /** Marks the open document so that {@link #sameDocument} tells whether it was reloaded since. */
    public void markDocument() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.homewardNotReloaded = true");
    }

    /** Whether the document {@link #markDocument} marked is still the one shown. */
    public boolean sameDocument() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return window.homewardNotReloaded === true"));
    }

    /** Opens the page with the invite form. */
    public void openAddMachine() {
        browser.open(url(ADD_MACHINE));
        browser.await("the invite form", d -> d.findElements(INVITE_HOST).isEmpty() ? null : Boolean.TRUE);
    }

    /** Invites a machine named {@code host} with the form; returns the code the page shows once. */
    public String invite(String host) {
        openAddMachine();
        WebElement name = browser.driver().findElement(INVITE_HOST);
        name.sendKeys(host);
        name.submit();
        String code = browser.await("the invite code", x -> x.findElements(INVITE_CODE).stream().map(WebElement::getText)
                .filter(t -> t.startsWith("HW1")).findFirst().orElse(null));
        browser.await("the invite's QR code", x -> x.findElements(INVITE_QR).isEmpty() ? null : Boolean.TRUE);
        return code.strip();
    }

    /** Clicks the Ping button of the machine's row; returns what the page says the ping did. */
    public String ping(String host) {
        browser.open(url(MACHINES));
        click(rowButton(host, "ping-button"));
        return browser.await("the ping's outcome", d -> d.findElements(OUTCOME).stream().map(WebElement::getText)
                .filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** Clicks the Revoke button of the machine's row; returns the question the console asks first. */
    public String askRevoke(String host) {
        browser.open(url(MACHINES));
        click(rowButton(host, "revoke-button"));
        return browser.await("the confirmation's question", d -> d.findElements(CONFIRM_QUESTION).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** Confirms the question on the page; returns the outcome the console reports. */
    public String confirm() {
        click(CONFIRM);
        return browser.await("the action's outcome", d -> d.findElements(OUTCOME).stream().map(WebElement::getText)
                .filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** Adds a user with the Users section's form; returns what the page says it did. */
    public String addUser(String user, String password) {
        browser.open(url(USERS));
        browser.await("the add-a-user form", d -> d.findElements(ADD_USER_NAME).stream().findFirst().orElse(null))
                .sendKeys(user);
        browser.driver().findElement(ADD_USER_PASSWORD).sendKeys(password);
        click(ADD_USER);
        return browser.await("the form's outcome", d -> d.findElements(OUTCOME).stream().map(WebElement::getText)
                .filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** Clicks the Remove button of the user's row; returns the question the console asks first. */
    public String askRemoveUser(String user) {
        browser.open(url(USERS));
        click(By.cssSelector("tr.user[data-user='" + user + "'] button.remove-button"));
        return browser.await("the confirmation's question", d -> d.findElements(CONFIRM_QUESTION).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(null));
    }

    /** The Homeward pages the console's menu links to, by label, in menu order (the current page must show the menu). */
    public List<String> menu() {
        return browser.driver().findElements(MENU_LINKS).stream().map(a -> a.getAttribute("href"))
                .map(h -> h.replaceFirst(".*/system/console/", "")).distinct().toList();
    }

    /**
     * The Homeward pages the Web Console's own menu links to in a console page's HTML, in order: the plugins the
     * runtime registered (Homeward's row of tabs is left out).
     */
    public static Set<String> registeredPages(String html) {
        Matcher link = PAGE_LINK.matcher(HOMEWARD_TABS.matcher(html).replaceAll(""));
        Set<String> labels = new LinkedHashSet<>();
        while (link.find()) {
            labels.add(link.group(1));
        }
        return labels;
    }

    /**
     * A page of another origin that posts the form to {@link #CHANGE_TARGET} as soon as it loads, with the browser's
     * kept login for the console: what a hostile site would serve a person signed in to the console.
     */
    public String crossOriginForm(String form) {
        StringBuilder fields = new StringBuilder();
        for (String pair : form.split("&")) {
            String[] nv = pair.split("=", 2);
            fields.append("<input name=\"").append(nv[0]).append("\" value=\"").append(nv.length > 1 ? nv[1] : "")
                    .append("\">");
        }
        return "<!doctype html><title>Win a prize</title><form id=\"f\" method=\"post\" action=\"" + url(CHANGE_TARGET)
                + "\">" + fields + "</form><script>document.getElementById('f').submit()</script>";
    }

    /** The console's answer once the browser left the other origin for it; empty while still elsewhere. */
    public Optional<String> consoleAnswer() {
        return browser.currentUrl().startsWith(console)
                ? Optional.of(browser.driver().findElement(By.tagName("body")).getText())
                : Optional.empty();
    }

    private static By rowButton(String host, String kind) {
        return By.cssSelector("tr.machine[data-machine='" + host + "'] button." + kind);
    }

    /** Clicks (bounded wait for it) through a script: at phone width it may sit under the console's fixed header. */
    private void click(By what) {
        WebElement element = browser.await(what.toString(), d -> d.findElements(what).stream().findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", element);
    }
}
