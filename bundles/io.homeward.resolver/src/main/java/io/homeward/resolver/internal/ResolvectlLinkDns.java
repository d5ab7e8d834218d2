package io.homeward.resolver.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Name;

import io.homeward.kit.process.CommandRunner;
import io.homeward.kit.text.Ipv6Text;

/**
 * systemd-resolved's per-link settings through {@code resolvectl} (which calls SetLinkDNS, SetLinkDomains,
 * SetLinkDefaultRoute and SetLinkLLMNR of org.freedesktop.resolve1 over D-Bus): the ULA as the link's DNS server,
 * {@code ~zone} as a routing-only domain, the link never the default route, so only the zone's names go there
 * (resolvectl(1), systemd.network(5) "Domains="), and no LLMNR queries into the tunnel.
 */
final class ResolvectlLinkDns implements LinkDns {
    /** Where systemd-resolved keeps its state while it runs (systemd-resolved.service(8)). */
    static final Path RUNTIME_DIRECTORY = Path.of("/run/systemd/resolve");

    private final CommandRunner commands;
    private final String resolvectl;
    private final Path runtimeDirectory;

    ResolvectlLinkDns(CommandRunner commands, String resolvectl, Path runtimeDirectory) {
        this.commands = commands;
        this.resolvectl = resolvectl;
        this.runtimeDirectory = runtimeDirectory;
    }

    @Override
    public Optional<String> unavailable() {
        if (!Files.isDirectory(runtimeDirectory)) {
            return Optional.of("systemd-resolved is not running (no " + runtimeDirectory + ")");
        }
        return Optional.empty();
    }

    @Override
    public void apply(String link, Inet6Address server, Name zone) throws IOException {
        commands.run(List.of(resolvectl, "dns", link, Ipv6Text.format(server)));
        commands.run(List.of(resolvectl, "domain", link, "~" + zone.toString(true)));
        commands.run(List.of(resolvectl, "default-route", link, "false"));
        commands.run(List.of(resolvectl, "llmnr", link, "no"));
    }

    @Override
    public void revert(String link) throws IOException {
        commands.run(List.of(resolvectl, "revert", link));
    }
}
