package io.homeward.console.internal.rendezvous;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.RegistrationStatus;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.StunServerStatus;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.FormParts;
import io.homeward.console.internal.HomewardFrame;
import io.homeward.console.internal.PageOutcome;
import io.homeward.console.internal.PageSection;
import io.homeward.kit.console.Confirmation;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Rendezvous" page ({@code /system/console/homeward-rendezvous}) and its JSON twin
 * ({@code /system/console/homeward-rendezvous.json}, or {@code ?format=json}); {@code homeward-rendezvous/<section>}
 * (and {@code .json}) shows one section alone ({@code listeners}, {@code zones}, {@code users}, {@code watches},
 * {@code stun}). Every service is optional, so the page shows what is running and names what is not; on a runtime
 * without the rendezvous it says so and where this host's rendezvous is. The Users section's forms (add a user, set
 * a password, remove a user) post to the page or to {@code homeward-rendezvous/users}: the change is made through the
 * account service, its outcome kept in the session, and the answer a redirect (303) to the address posted to, so a
 * reload never repeats it; a removal asks for confirmation first. The console guard protects the forms.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + RendezvousPage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_RENDEZVOUS,
        "felix.webconsole.category=Homeward"})
public class RendezvousPage extends HttpServlet {
    static final String LABEL = "homeward-rendezvous";
    private static final long serialVersionUID = 1L;
    private static final String OUTCOME = RendezvousPage.class.getName() + ".outcome";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile DnsListenerStatus listenerStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile ZoneDirectory zoneDirectory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile AccountService accountService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile WatchStatus watchStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile StunServerStatus stunServer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RegistrationStatus registration;

    private final transient Logger log;
    private final transient Clock clock;

    @Activate
    public RendezvousPage(@Reference(service = LoggerFactory.class) Logger log) {
        this(log, Clock.systemUTC());
    }

    RendezvousPage(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> name = PageSection.requested(LABEL, request.getPathInfo());
        Optional<RendezvousSource> only = name.flatMap(RendezvousSource::named);
        if (name.isPresent() && only.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such section: " + name.get());
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String root = HomewardFrame.appRoot(request.getAttribute("felix.webconsole.appRoot"));
        PageOutcome outcome = JsonRequests.wanted(request) ? null : PageOutcome.take(request, OUTCOME);
        if (listenerStatus == null && zoneDirectory == null && accountService == null && watchStatus == null
                && stunServer == null) {
            RendezvousElsewhere elsewhere = RendezvousElsewhere.of(credentials, registration);
            StringBuilder body = new StringBuilder();
            FormParts.outcome(body, outcome);
            JsonRequests.answer(request, response, elsewhere::json,
                    () -> HomewardFrame.wrap(root, ConsoleMenu.RENDEZVOUS, body.append(elsewhere.html()).toString()));
            return;
        }
        RendezvousFacts facts = RendezvousFacts.read(clock.instant(), listenerStatus, zoneDirectory, accountService,
                watchStatus, stunServer, log);
        JsonRequests.answer(request, response,
                () -> only.map(section -> RendezvousJson.section(facts, section)).orElseGet(() -> RendezvousJson.render(facts)),
                () -> HomewardFrame.wrap(root, ConsoleMenu.RENDEZVOUS, RendezvousHtml.render(facts, root, outcome, only)));
    }

    /** The Users section's forms, on the page or on {@code homeward-rendezvous/users}; other addresses change nothing. */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> name = PageSection.requested(LABEL, request.getPathInfo());
        if (name.isPresent() && !name.get().equals(RendezvousSource.USERS.key())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no form posts to section " + name.get());
            return;
        }
        String action = request.getParameter("action");
        if (UsersForm.REMOVE.equals(action) && !Confirmation.given(request)) {
            String user = String.valueOf(request.getParameter("user"));
            Confirmation.ask(request, response, "Remove user " + user + "? Their zone, its records and every host key"
                    + " and certificate of theirs go; their hosts lose each other.", "Remove " + user);
            return;
        }
        UsersForm.apply(accountService, action, request.getParameter("user"), request.getParameter("password"), log)
                .redirect(request, response, OUTCOME);
    }
}
