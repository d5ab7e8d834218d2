package io.homeward.console.internal.machines;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.NewInvite;
import io.homeward.api.enroll.UserMachines;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.PageOutcome;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console page "Homeward add a machine" ({@code /system/console/homeward-add-machine}), where the rendezvous
 * runs: the pre-flight check with its one-click fix, the invite form, the new invite's code, QR code and command, and
 * the pending invites; {@code .json} answers the pre-flight and the pending invites. A POST carries out a form, keeps
 * the outcome in the session and redirects (303) to the page, behind the console guard like every console form.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + AddMachinePage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_ADD_MACHINE,
        "felix.webconsole.category=Homeward"})
public class AddMachinePage extends HttpServlet {
    static final String LABEL = "homeward-add-machine";
    static final String LISTEN = "listen";
    static final String INVITE = "invite";
    static final String CANCEL = "cancel";
    /** The longest the fix waits for the restarted rendezvous to pass the check again. */
    static final Duration FIX_WAIT = Duration.ofSeconds(5);
    private static final Duration FIX_POLL = Duration.ofMillis(100);
    private static final long serialVersionUID = 1L;
    private static final String OUTCOME = AddMachinePage.class.getName() + ".outcome";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Enrollment enrollment;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile ConfigurationAdmin configurations;

    private final transient Clock clock;
    private final transient Duration fixWait;

    @Activate
    public AddMachinePage() {
        this(Clock.systemUTC(), FIX_WAIT);
    }

    AddMachinePage(Clock clock, Duration fixWait) {
        this.clock = clock;
        this.fixWait = fixWait;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Enrollment current = enrollment;
        Optional<InvitePreflight> preflight = Optional.ofNullable(current).map(Enrollment::preflight);
        List<UserMachines> users = current == null ? List.of() : current.users();
        response.setHeader("Cache-Control", "no-store");
        PageOutcome outcome = JsonRequests.wanted(request) ? null : PageOutcome.take(request, OUTCOME);
        JsonRequests.answer(request, response, () -> AddMachineJson.render(preflight, users),
                () -> AddMachineHtml.page(ConsoleMenu.appRoot(request), preflight, users, outcome,
                        configurations != null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Enrollment current = enrollment;
        String action = String.valueOf(request.getParameter("action"));
        PageOutcome outcome;
        if (current == null) {
            outcome = PageOutcome.refused("The rendezvous does not run here: invite on its console, or with"
                    + " homeward:invite in its shell.");
        } else {
            outcome = switch (action) {
                case LISTEN -> listen(current, request.getParameter("address"));
                case INVITE -> invite(current, request.getParameter("user"), request.getParameter("host"),
                        request.getParameter("valid"));
                case CANCEL -> cancel(current, request.getParameter("id"));
                default -> PageOutcome.refused("Unknown action '" + action + "'; use the buttons on this page.");
            };
        }
        outcome.redirect(request, response, OUTCOME);
    }

    private static PageOutcome invite(Enrollment enrollment, String user, String host, String valid) {
        Optional<Duration> validity = InviteValidity.of(valid);
        if (validity.isEmpty()) {
            return PageOutcome.refused("Choose how long the invite is valid: " + String.join(", ",
                    InviteValidity.CHOICES.keySet()) + ".");
        }
        try {
            NewInvite made = enrollment.invite(given(user), given(host), validity.get());
            return new PageOutcome(true, "Invite for " + made.forWhom() + ", valid once until "
                    + made.invite().expires() + ".", made.code(), made.command());
        } catch (EnrollmentException e) {
            return PageOutcome.refused(capitalised(e.getMessage()) + ".");
        }
    }

    private static PageOutcome cancel(Enrollment enrollment, String id) {
        try {
            return id != null && enrollment.cancelInvite(id) ? PageOutcome.done("Invite " + id + " cancelled.")
                    : PageOutcome.refused("No pending invite " + id + " (used, expired or cancelled already).");
        } catch (EnrollmentException e) {
            return PageOutcome.refused(capitalised(e.getMessage()) + ".");
        }
    }

    /** Applies the fix for an address the pre-flight offered, then waits (bounded) for the check to pass. */
    private PageOutcome listen(Enrollment current, String address) {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return PageOutcome.refused("The configuration cannot be changed here (no Configuration Admin runs).");
        }
        Optional<InetAddress> chosen = current.preflight().candidates().stream()
                .filter(a -> a.getHostAddress().equals(address)).findFirst();
        if (chosen.isEmpty()) {
            return PageOutcome.refused("'" + address + "' is not an address of this host the page offered; use its"
                    + " buttons.");
        }
        String done;
        try {
            done = ListenFix.apply(admin, chosen.get());
        } catch (IOException | IllegalStateException e) {
            return PageOutcome.refused("Cannot change the configuration: " + e.getMessage());
        }
        try {
            return awaitReady() ? PageOutcome.done(done + " A machine elsewhere can reach the rendezvous now.")
                    : PageOutcome.done(done + " The rendezvous is still restarting; the check below says how it"
                            + " stands.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PageOutcome.done(done);
        }
    }

    private boolean awaitReady() throws InterruptedException {
        Instant deadline = clock.instant().plus(fixWait);
        while (true) {
            Enrollment restarted = enrollment;
            if (restarted != null && restarted.preflight().ready()) {
                return true;
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(FIX_POLL.toMillis());
        }
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
