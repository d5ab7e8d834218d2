package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;

/** Turns what the chooser learned and the host's addresses into a diagnosis a user can act on. */
final class Netcheck {
    static final String DOUBLE_NAT = "a mapping on your router does not make this host reachable";
    static final String NO_MAPPING = "no port mapping available";

    private Netcheck() {
    }

    static NetcheckReport diagnose(ChooserState state, LocalAddresses addresses) {
        List<String> warnings = new ArrayList<>();
        List<Inet4Address> local;
        try {
            local = addresses.ipv4();
        } catch (RuntimeException e) {
            local = List.of();
            warnings.add("This host's addresses could not be read: " + e.getMessage());
        }
        List<String> texts = local.stream().map(Inet4Address::getHostAddress).toList();
        List<NetcheckReport.Protocol> protocols = new ArrayList<>();
        boolean mapped = state.mapping() != null;
        for (MapperView m : state.mappers()) {
            protocols.add(new NetcheckReport.Protocol(m.name(), m.ranking(), m.active(), outcome(m, mapped),
                    m.result() == null ? null : m.result().at()));
        }
        PortMapping mapping = state.mapping();
        String host = host(local);
        warnings.addAll(warnings(state, mapping, hasPublic(local)));
        return new NetcheckReport(host, texts, state.internalPort(), protocols, mapping, warnings);
    }

    private static String outcome(MapperView m, boolean mapped) {
        if (m.result() == null) {
            return mapped ? "not asked: a better-ranked protocol holds the mapping" : "not asked yet";
        }
        if (m.result().answered()) {
            return m.active() ? "answered; holds the mapping" : "answered";
        }
        return "no mapping: " + m.result().detail();
    }

    private static String host(List<Inet4Address> local) {
        if (local.isEmpty()) {
            return "no IPv4 address: not connected to a network";
        }
        for (Inet4Address a : local) {
            if (AddressClass.of(a) == AddressClass.PUBLIC) {
                return "public address " + a.getHostAddress() + " (no NAT in front of this host)";
            }
        }
        for (Inet4Address a : local) {
            if (AddressClass.of(a) == AddressClass.SHARED) {
                return "behind carrier-grade NAT (shared address " + a.getHostAddress() + ")";
            }
        }
        for (Inet4Address a : local) {
            if (AddressClass.of(a) == AddressClass.PRIVATE) {
                return "behind NAT (private address " + a.getHostAddress() + ")";
            }
        }
        return "only link-local addresses: no usable network";
    }

    /** The mappers name a double NAT in their refusals when the router's own WAN address is private. */
    private static boolean saysDoubleNat(String detail) {
        return detail.toLowerCase(Locale.ROOT).contains("double nat");
    }

    private static boolean hasPublic(List<Inet4Address> local) {
        return local.stream().anyMatch(a -> AddressClass.of(a) == AddressClass.PUBLIC);
    }

    private static List<String> warnings(ChooserState state, PortMapping mapping, boolean publicHost) {
        List<String> warnings = new ArrayList<>();
        if (!state.enabled()) {
            warnings.add("Port mapping is switched off (io.homeward.portmap, enabled = false).");
            return warnings;
        }
        if (mapping != null) {
            AddressClass external = AddressClass.of(mapping.externalAddress());
            if (external.behindNat()) {
                warnings.add("Double NAT: the router's external address " + mapping.externalAddress().getHostAddress()
                        + (external == AddressClass.SHARED ? " is in the carrier-grade NAT range 100.64.0.0/10"
                                : " is a private address")
                        + ", so there is another NAT beyond your router: " + DOUBLE_NAT
                        + ". Ask your provider for a public address, or set your router as the exposed host of the"
                        + " router in front of it.");
            }
            return warnings;
        }
        if (publicHost) {
            return warnings;
        }
        if (state.mappers().isEmpty()) {
            warnings.add("No port mapper is installed: " + NO_MAPPING + ". Install the PCP/NAT-PMP or UPnP bundle.");
        } else if (state.mappers().stream().allMatch(m -> m.result() != null && !m.result().answered())) {
            List<String> names = state.mappers().stream().map(MapperView::name).toList();
            if (state.mappers().stream().anyMatch(m -> saysDoubleNat(m.result().detail()))) {
                warnings.add("Double NAT: your router has no public address of its own, so there is another NAT"
                        + " beyond it: " + DOUBLE_NAT + ", and none of " + String.join(", ", names) + " gave one."
                        + " Ask your provider for a public address, or set your router as the exposed host of the"
                        + " router in front of it.");
            } else {
                warnings.add("None of " + String.join(", ", names) + " gave a mapping: " + NO_MAPPING
                        + ". Turn on UPnP or NAT-PMP/PCP on your router, or forward UDP port " + state.internalPort()
                        + " to this host by hand.");
            }
        }
        return warnings;
    }
}
