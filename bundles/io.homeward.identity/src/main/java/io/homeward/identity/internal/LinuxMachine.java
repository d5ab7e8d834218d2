package io.homeward.identity.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The real machine, read through {@link NetworkInterface}, {@code /proc} and {@code /sys}. */
final class LinuxMachine implements Machine {

    @Override
    public List<NetworkLink> links() throws IOException {
        List<NetworkLink> links = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            links.add(new NetworkLink(nif.getName(), nif.isUp(), nif.isLoopback(),
                    nif.isVirtual() || isSoftwareDevice(nif.getName()), nif.getHardwareAddress()));
        }
        return links;
    }

    @Override
    public Optional<String> readFile(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String localHostName() throws IOException {
        return InetAddress.getLocalHost().getHostName();
    }

    /** Linux lists bridges, veth pairs, TUN and similar devices under /sys/devices/virtual/net. */
    private static boolean isSoftwareDevice(String name) {
        Path link = Path.of("/sys/class/net", name);
        try {
            return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().contains("/virtual/");
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
