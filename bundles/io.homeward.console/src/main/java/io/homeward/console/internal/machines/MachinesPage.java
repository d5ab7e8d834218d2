package io.homeward.console.internal.machines;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.auth.Credentials;
import io.homeward.api.enroll.Enrollment;
import io.homeward.api.enroll.EnrollmentException;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.LiveEvents;
import io.homeward.console.internal.LivePart;
import io.homeward.console.internal.PageOutcome;
import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console page "Homeward machines" ({@code /system/console/homeward-machines}): a row per machine of this user
 * with Ping, Revoke (where the rendezvous runs here) and Rename; {@code .json} answers the same as JSON,
 * {@code .live} the live part alone ({@link LivePart}) and {@code .events} pushes it as it changes
 * ({@link LiveEvents}). A POST carries out a row's action, keeps the outcome in the session and redirects (303) to
 * the page; revoking asks for confirmation first. The console guard protects the forms (its token travels in a
 * SameSite cookie; nothing is added to them).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + MachinesPage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_MACHINES,
        "felix.webconsole.category=Homeward"})
public class MachinesPage extends HttpServlet {
    static final String LABEL = "homeward-machines";
    static final String PING = "ping";
    static final String REVOKE = "revoke";
    private static final long serialVersionUID = 1L;
    private static final String OUTCOME = MachinesPage.class.getName() + ".outcome";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HostIdentity identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PeerDirectory peers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile TunnelKeying keying;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Enrollment enrollment;

    private final transient Clock clock;
    private final transient Duration pingBound;
    private final transient LiveEvents events;

    @Activate
    public MachinesPage() {
        this(Clock.systemUTC(), MachinePing.BOUND);
    }

    MachinesPage(Clock clock, Duration pingBound) {
        this.clock = clock;
        this.pingBound = pingBound;
        this.events = new LiveEvents(clock, LiveEvents.Timing.DEFAULT);
    }

    /** Ends the pushed live parts: their requests return. */
    @Deactivate
    void deactivate() {
        events.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String appRoot = ConsoleMenu.appRoot(request);
        if (LiveEvents.wanted(request)) {
            events.answer(response, () -> MachinesHtml.live(facts(), appRoot));
            return;
        }
        MachinesFacts facts = facts();
        if (LivePart.wanted(request)) {
            LivePart.answer(response, MachinesHtml.live(facts, appRoot));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        PageOutcome outcome = JsonRequests.wanted(request) ? null : PageOutcome.take(request, OUTCOME);
        JsonRequests.answer(request, response, () -> MachinesJson.render(facts),
                () -> MachinesHtml.page(facts, appRoot, outcome));
    }

    private MachinesFacts facts() {
        return MachinesFacts.read(new MachinesFacts.Services(identity, credentials, peers, keying, enrollment),
                clock.instant());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = String.valueOf(request.getParameter("action"));
        String about = String.valueOf(request.getParameter("about"));
        if (REVOKE.equals(action) && !Confirmation.given(request)) {
            String host = String.valueOf(request.getParameter("host"));
            Confirmation.ask(request, response, "Revoke " + host + " of " + about + "? Its certificate and key stop"
                    + " working at once: the user's other hosts refuse its tunnels, and it can come back only with a"
                    + " new invite.", "Revoke " + host);
            return;
        }
        PageOutcome outcome = switch (action) {
            case PING -> ping(request.getParameter("ula"), about);
            case REVOKE -> revoke(request.getParameter("host"));
            default -> PageOutcome.refused("Unknown action '" + action + "'; use the buttons on this page.");
        };
        outcome.redirect(request, response, OUTCOME);
    }

    private PageOutcome ping(String ula, String name) {
        TunnelKeying current = keying;
        if (current == null) {
            return PageOutcome.refused("No key exchange runs here (bundle io.homeward.ike), so nothing can be pinged.");
        }
        Inet6Address peer;
        try {
            // A literal only (never a name to look up), at most as long as the longest IPv6 text.
            peer = ula != null && ula.length() <= 45 && ula.matches("[0-9A-Fa-f:]+")
                    && InetAddress.getByName(ula) instanceof Inet6Address a ? a : null;
        } catch (UnknownHostException e) {
            peer = null;
        }
        if (peer == null) {
            return PageOutcome.refused("'" + ula + "' is not a machine's ULA; use the Ping buttons on this page.");
        }
        try {
            return new MachinePing(current, clock, pingBound).ping(peer, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PageOutcome.refused("The ping of " + name + " was interrupted.");
        }
    }

    private PageOutcome revoke(String host) {
        Enrollment current = enrollment;
        if (current == null) {
            return PageOutcome.refused("The rendezvous does not run here: revoke on its console, or with"
                    + " homeward:revoke in its shell.");
        }
        if (host == null || host.isBlank()) {
            return PageOutcome.refused("Say which host to revoke.");
        }
        try {
            String done = current.revoke(host);
            return PageOutcome.done(Character.toUpperCase(done.charAt(0)) + done.substring(1) + ".");
        } catch (EnrollmentException e) {
            return PageOutcome.refused(e.getMessage());
        }
    }
}
