package io.homeward.console.internal.overview;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.config.ConfigurationProblems;
import io.homeward.api.endpoint.PublicEndpoints;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.registration.RecordRegistrar;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.LiveEvents;
import io.homeward.console.internal.LivePart;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's start page, "Homeward" ({@code /system/console/homeward-overview}): this host, whether its peers can
 * reach it, what to fix, and the user's machines with their tunnels. {@code .json} answers the same as JSON;
 * {@code .events} pushes the page's live part whenever it changes ({@link LiveEvents}) and {@code .live} answers it
 * once ({@link LivePart}), both through the console's login and guard like every other request.
 */
@Component(service = {Servlet.class, HealthCheck.class}, property = {
        "felix.webconsole.label=" + OverviewPage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_OVERVIEW,
        "felix.webconsole.category=Homeward",
        HealthCheck.NAME + "=Homeward reachability",
        HealthCheck.TAGS + "=homeward",
        HealthCheck.TAGS + "=default"})
public class OverviewPage extends HttpServlet implements HealthCheck {
    public static final String LABEL = "homeward-overview";
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HostIdentity identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Credentials credentials;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RevokedCertificates revoked;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PublicEndpoints endpoints;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RecordRegistrar registrar;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PeerDirectory peers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile TunnelKeying keying;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile ConfigurationProblems configuration;

    private final transient Clock clock;
    private final String consoleAddress;
    private final transient Optional<String> consoleHttpsProblem;
    private final transient LiveEvents events;

    /** The launcher sets the HTTP service's address, and why HTTPS failed when it fell back to loopback for that. */
    @Activate
    public OverviewPage(BundleContext context) {
        this(Clock.systemUTC(), consoleAddress(context.getProperty("org.apache.felix.http.host")),
                Optional.ofNullable(context.getProperty("homeward.console.httpsProblem")));
    }

    OverviewPage(Clock clock, String consoleAddress, Optional<String> consoleHttpsProblem) {
        this.clock = clock;
        this.consoleAddress = consoleAddress;
        this.consoleHttpsProblem = consoleHttpsProblem;
        this.events = new LiveEvents(clock, LiveEvents.Timing.DEFAULT);
    }

    /** Ends the pushed live parts: their requests return. */
    @Deactivate
    void deactivate() {
        events.close();
    }

    /** The HTTP service's bind address; unset means every address. */
    private static String consoleAddress(String host) {
        return host == null || host.isBlank() ? "0.0.0.0" : host.trim();
    }

    /** The verdict and warnings for Felix Health Checks ({@code default} tag: the console's Execute runs it). */
    @Override
    public Result execute() {
        return ReachabilityHealth.of(facts());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (LiveEvents.wanted(request)) {
            events.answer(response, () -> OverviewHtml.live(facts()));
            return;
        }
        OverviewFacts facts = facts();
        if (LivePart.wanted(request)) {
            LivePart.answer(response, OverviewHtml.live(facts));
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        JsonRequests.answer(request, response, () -> OverviewJson.render(facts),
                () -> OverviewHtml.page(facts, ConsoleMenu.appRoot(request)));
    }

    private OverviewFacts facts() {
        return OverviewFacts.read(new OverviewFacts.Services(identity, credentials, revoked, endpoints, registrar, peers,
                keying, configuration), clock.instant(), consoleAddress, consoleHttpsProblem);
    }
}
