package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.runtime.ProviderProperties;
import io.homeward.api.tunnel.TunDevice;
import io.homeward.api.tunnel.TunProvider;
import io.homeward.kit.process.CommandRunner;
import io.homeward.kit.process.ProcessCommandRunner;
import io.homeward.kit.text.Ipv6Text;

/**
 * TUN interfaces on Linux: {@code /dev/net/tun} with the TUNSETIFF ioctl to create one, iproute2 to give it
 * its address, MTU and routes, and NIO channels on the file for the packets. Every interface lives exactly
 * as long as its {@link TunDevice}; deactivating the component closes them all.
 */
@Component(service = TunProvider.class, configurationPid = LinuxTunComponent.PID,
        property = ProviderProperties.NAME + "=linux-tun")
@Designate(ocd = LinuxTunComponent.Config.class)
public class LinuxTunComponent implements TunProvider {
    static final String PID = "io.homeward.tun.linux";
    /** RFC 8200 §5: every link that carries IPv6 has an MTU of at least 1280; Linux turns IPv6 off below it. */
    static final int MIN_MTU = 1280;

    @ObjectClassDefinition(name = "Homeward Linux TUN provider",
            description = "Creates the TUN interface the tunnel's packets enter and leave by. Needs CAP_NET_ADMIN"
                    + " (run as root or grant cap_net_admin) and /dev/net/tun.")
    public @interface Config {
        @AttributeDefinition(name = "ip command",
                description = "The iproute2 'ip' program that sets the interface's address, MTU and routes."
                        + " Give a full path if it is not on the PATH.")
        String ipCommand() default "ip";

        @AttributeDefinition(name = "Command timeout (seconds)",
                description = "How long one 'ip' command may take before it is stopped and the step fails (1 to 300).")
        int commandTimeoutSeconds() default 10;
    }

    private final Set<LinuxTunDevice> devices = ConcurrentHashMap.newKeySet();
    private final TunOpener opener;
    private final CommandRunner commands;
    private final IpCommands ip;
    private final Capabilities capabilities;
    private final Logger log;
    private volatile boolean stopped;

    @Activate
    public LinuxTunComponent(Config config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(new JnaTunOpener(Path.of("/dev/net/tun"), new FdTable(Path.of("/proc/self/fd"))),
                new ProcessCommandRunner(Duration.ofSeconds(Math.max(1, Math.min(300, config.commandTimeoutSeconds())))),
                new IpCommands(config.ipCommand().isBlank() ? "ip" : config.ipCommand().trim()),
                new ProcStatusCapabilities(Path.of("/proc/self/status")), log);
    }

    LinuxTunComponent(TunOpener opener, CommandRunner commands, IpCommands ip, Capabilities capabilities, Logger log) {
        this.opener = opener;
        this.commands = commands;
        this.ip = ip;
        this.capabilities = capabilities;
        this.log = log;
    }

    @Override
    public TunDevice open(String name, Inet6Address address, int mtu) throws IOException {
        InterfaceNames.check(name);
        Objects.requireNonNull(address, "address");
        if (mtu < MIN_MTU || mtu > LinuxTunDevice.MAX_PACKET) {
            throw new IllegalArgumentException("MTU " + mtu + " is out of range: IPv6 needs " + MIN_MTU + " to "
                    + LinuxTunDevice.MAX_PACKET);
        }
        if (stopped) {
            throw new IOException("cannot create TUN interface " + name + ": the Linux TUN provider is stopping");
        }
        if (capabilities.lacksNetAdmin()) {
            throw TunErrors.lacksNetAdmin(name);
        }
        LinuxTunDevice device = new LinuxTunDevice(name, mtu, opener.open(name), this::closed);
        devices.add(device);
        try {
            // The MTU first: an interface below 1280 has IPv6 turned off and would refuse the address.
            for (List<String> step : List.of(ip.setMtu(name, mtu), ip.setAddress(name, address), ip.up(name))) {
                commands.run(step);
            }
        } catch (IOException e) {
            closeQuietly(device);
            throw TunErrors.failed("cannot configure TUN interface " + name, e);
        }
        if (stopped) {
            closeQuietly(device);
            throw new IOException("cannot create TUN interface " + name + ": the Linux TUN provider is stopping");
        }
        log.info("opened TUN interface {} with {}/128, MTU {}", name, Ipv6Text.format(address), mtu);
        return device;
    }

    @Override
    public void addRoute(TunDevice device, Inet6Address peer) throws IOException {
        LinuxTunDevice tun = ours(device);
        try {
            commands.run(ip.addRoute(tun.name(), Objects.requireNonNull(peer, "peer")));
        } catch (IOException e) {
            throw TunErrors.failed("cannot route " + Ipv6Text.format(peer) + " into " + tun.name(), e);
        }
        log.debug("routed {}/128 into {}", Ipv6Text.format(peer), tun.name());
    }

    @Override
    public void removeRoute(TunDevice device, Inet6Address peer) throws IOException {
        LinuxTunDevice tun = ours(device);
        try {
            commands.run(ip.removeRoute(tun.name(), Objects.requireNonNull(peer, "peer")));
        } catch (IOException e) {
            // RTNETLINK's ESRCH: there was no such route, which is what removing it wanted.
            if (String.valueOf(e.getMessage()).contains("No such process")) {
                log.debug("no route to {} via {} to remove", Ipv6Text.format(peer), tun.name());
                return;
            }
            throw TunErrors.failed("cannot remove the route to " + Ipv6Text.format(peer) + " from " + tun.name(), e);
        }
        log.debug("removed the route to {}/128 from {}", Ipv6Text.format(peer), tun.name());
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        for (LinuxTunDevice device : List.copyOf(devices)) {
            closeQuietly(device);
        }
    }

    int openDevices() {
        return devices.size();
    }

    private LinuxTunDevice ours(TunDevice device) throws IOException {
        Objects.requireNonNull(device, "device");
        if (device instanceof LinuxTunDevice tun && devices.contains(tun)) {
            return tun;
        }
        throw new IOException("TUN interface " + device.name() + " is not open in the Linux TUN provider"
                + " (it was closed, or another provider opened it)");
    }

    private void closed(LinuxTunDevice device) {
        if (devices.remove(device)) {
            log.info("closed TUN interface {}", device.name());
        }
    }

    private void closeQuietly(LinuxTunDevice device) {
        try {
            device.close();
        } catch (IOException e) {
            log.warn("closing TUN interface {} failed: {}", device.name(), e.getMessage());
        }
    }
}
