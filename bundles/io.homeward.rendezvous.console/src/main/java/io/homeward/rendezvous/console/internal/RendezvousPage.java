package io.homeward.rendezvous.console.internal;

import java.io.IOException;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Homeward rendezvous" Web Console page ({@code /system/console/homeward-rendezvous}) and its
 * JSON twin ({@code /system/console/homeward-rendezvous.json}, or {@code ?format=json}). Every
 * service is optional, so the page shows what is running and names what is not.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=homeward-rendezvous",
        "felix.webconsole.title=Homeward rendezvous",
        "felix.webconsole.category=Homeward"})
public class RendezvousPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

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
        RendezvousFacts facts = RendezvousFacts.read(clock.instant(), listenerStatus, zoneDirectory, accountService,
                watchStatus, log);
        JsonRequests.answer(request, response, () -> RendezvousJson.render(facts), () -> RendezvousHtml.render(facts));
    }
}
