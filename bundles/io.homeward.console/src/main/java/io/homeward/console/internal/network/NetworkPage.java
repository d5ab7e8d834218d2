package io.homeward.console.internal.network;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.homeward.api.dns.NamesStatus;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.api.keying.IkeStatus;
import io.homeward.api.keying.ReachabilityStatus;
import io.homeward.api.netwatch.NetworkWatchStatus;
import io.homeward.api.peers.PeerDirectoryStatus;
import io.homeward.api.portmap.NetcheckStatus;
import io.homeward.api.registration.RegistrationStatus;
import io.homeward.api.runtime.RuntimeStatus;
import io.homeward.api.sa.TunnelStatus;
import io.homeward.api.tunnel.TunnelPortStatus;
import io.homeward.api.watch.SubscriptionStatus;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.HomewardFrame;
import io.homeward.console.internal.PageSection;
import io.homeward.console.internal.Section;
import io.homeward.console.internal.TextHtml;
import io.homeward.kit.console.JsonRequests;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Network" page ({@code /system/console/homeward-network}): one section per capability, each read from its
 * status contract. {@code .json} answers one object with a member per section; {@code homeward-network/<section>}
 * (and {@code .json}) answers one section alone, for scripts and links.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + NetworkPage.LABEL,
        "felix.webconsole.title=" + ConsoleMenu.MENU_NETWORK,
        "felix.webconsole.category=Homeward"})
public class NetworkPage extends HttpServlet {
    static final String LABEL = "homeward-network";
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RuntimeStatus runtimeStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HostIdentity hostIdentity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile SubscriptionStatus subscriptionStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile NetworkWatchStatus networkWatch;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile ReachabilityStatus reachability;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile NetcheckStatus netcheck;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile RegistrationStatus registration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile PeerDirectoryStatus peers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile NamesStatus names;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile TunnelStatus tunnels;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile TunnelPortStatus tunnelPort;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile IkeStatus ike;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile KerberosServices kerberos;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile ServiceTickets serviceTickets;

    private final transient Clock clock;

    @Activate
    public NetworkPage() {
        this(Clock.systemUTC());
    }

    NetworkPage(Clock clock) {
        this.clock = clock;
    }

    /**
     * The sections in the page's order; each reads its contract only when shown.
     *
     * @param appRoot the console's root path, for links to the other Homeward pages
     */
    List<PageSection> sections(String appRoot) {
        return List.of(
                new PageSection("runtime", "Runtime", () -> {
                    RuntimeFacts facts = RuntimeFacts.read(runtimeStatus, hostIdentity, subscriptionStatus);
                    return new Section(json -> RuntimeJson.write(json, facts), RuntimeHtml.render(facts));
                }),
                new PageSection("watch", "Network watch", () -> read(networkWatch, NetworkWatchStatus::report,
                        "io.homeward.netwatch", r -> new Section(json -> WatchJson.write(json, r), WatchHtml.render(r)))),
                new PageSection("reachability", "Reachability", () -> read(reachability,
                        ReachabilityStatus::reachability, "io.homeward.autotunnel",
                        r -> new Section(json -> ReachabilityJson.write(json, r),
                                ReachabilityHtml.render(r, appRoot + "/" + ConsoleMenu.MACHINES.label())))),
                new PageSection("netcheck", "Public endpoint and port mapping", () -> read(netcheck,
                        NetcheckStatus::netcheck, "io.homeward.portmap",
                        r -> new Section(json -> NetcheckJson.write(json, r), NetcheckHtml.render(r)))),
                new PageSection("registration", "Registration", () -> read(registration, RegistrationStatus::state,
                        "io.homeward.registrar",
                        r -> new Section(json -> RegistrationJson.write(json, r), RegistrationHtml.render(r)))),
                new PageSection("names", "Names", () -> read(names, NamesStatus::report, "io.homeward.resolver",
                        r -> new Section(json -> NamesJson.write(json, r), TextHtml.render("names", r.text())))),
                new PageSection("peers", "Peers", () -> read(peers, PeerDirectoryStatus::report, "io.homeward.peers",
                        r -> new Section(json -> PeersJson.write(json, r), PeersHtml.render(r, clock.instant())))),
                new PageSection("tunnels", "Tunnels", () -> read(tunnels, TunnelStatus::tunnels, "io.homeward.tunnel",
                        r -> new Section(json -> TunnelsJson.write(json, r), TextHtml.render("tunnels", r.text())))),
                new PageSection("tunnelport", "Tunnel port", () -> read(tunnelPort, TunnelPortStatus::report,
                        "io.homeward.tunnelport",
                        r -> new Section(json -> TunnelPortJson.write(json, r), TunnelPortHtml.render(r)))),
                new PageSection("ike", "IKE", () -> read(ike, IkeStatus::report, "io.homeward.ike",
                        r -> new Section(json -> IkeJson.write(json, r), TextHtml.render("ike", r.text())))),
                new PageSection("kerberos", "Kerberos", this::kerberos));
    }

    /** This host's KDC and the tickets it holds: two services of one bundle, either of which may be absent. */
    private Section kerberos() {
        KerberosServices kdc = kerberos;
        ServiceTickets client = serviceTickets;
        if (kdc == null && client == null) {
            return Section.missing(KerberosFacts.NOT_INSTALLED);
        }
        return readOrSay(KerberosFacts.BUNDLE, () -> {
            KerberosFacts facts = KerberosFacts.read(kdc, client, clock.instant());
            return new Section(json -> KerberosJson.write(json, facts), KerberosHtml.render(facts));
        });
    }

    /**
     * The section from the service's status; one line naming the bundle that provides it when it is not running, or
     * why it could not be read when its provider failed (stopping, for example), so one section never takes the page.
     */
    private static <S, R> Section read(S service, Function<S, R> status, String bundle, Function<R, Section> shown) {
        if (service == null) {
            return Section.missing(PageSection.notRunning(bundle));
        }
        return readOrSay(bundle, () -> shown.apply(status.apply(service)));
    }

    private static Section readOrSay(String bundle, Supplier<Section> shown) {
        try {
            return shown.get();
        } catch (RuntimeException e) {
            return Section.missing("Could not be read (" + e + "); the log of bundle " + bundle + " has the details.");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<String> name = PageSection.requested(LABEL, request.getPathInfo());
        String root = HomewardFrame.appRoot(request.getAttribute("felix.webconsole.appRoot"));
        List<PageSection> all = sections(root);
        List<PageSection> shown = name.map(n -> all.stream().filter(s -> s.name().equals(n)).toList()).orElse(all);
        if (shown.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such section: " + name.get());
            return;
        }
        List<PageSection.Read> read = shown.stream().map(PageSection::read).toList();
        Supplier<String> json = () -> name.isPresent() ? read.get(0).section().jsonDocument() : PageSection.json(read);
        JsonRequests.answer(request, response, json,
                () -> PageSection.html(root, ConsoleMenu.NETWORK, read));
    }
}
