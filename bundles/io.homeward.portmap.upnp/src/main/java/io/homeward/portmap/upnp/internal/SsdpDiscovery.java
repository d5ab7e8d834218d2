package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;

/**
 * Finds the Internet gateway with SSDP: an M-SEARCH per search target from every LAN address, then
 * the first unicast answer that names a gateway (UDA 1.1 §1.3.2).
 */
final class SsdpDiscovery {
    static final InetSocketAddress MULTICAST = new InetSocketAddress(group(), 1900);
    /** IGD v2 first, then v1 and the services themselves for devices that only answer those. */
    static final List<String> SEARCH_TARGETS = List.of(
            "urn:schemas-upnp-org:device:InternetGatewayDevice:2",
            "urn:schemas-upnp-org:device:InternetGatewayDevice:1",
            "urn:schemas-upnp-org:service:WANIPConnection:1",
            "urn:schemas-upnp-org:service:WANPPPConnection:1");
    private static final int MX_SECONDS = 2;
    /** UDA 1.1 recommends a multicast TTL of 2. */
    private static final int TTL = 2;
    private static final int MAX_DATAGRAMS = 256;

    private final Network network;
    private final InetSocketAddress target;
    private final Logger log;

    SsdpDiscovery(Network network, InetSocketAddress target, Logger log) {
        this.network = network;
        this.target = target;
        this.log = log;
    }

    Optional<URI> discover(Duration timeout) throws IOException {
        List<Network.LanAddress> sources = network.lanAddresses();
        if (sources.isEmpty()) {
            throw new IOException("no network interface with an IPv4 address is up to search for a UPnP gateway");
        }
        try (Selector selector = Selector.open()) {
            List<DatagramChannel> channels = new ArrayList<>();
            try {
                for (Network.LanAddress source : sources) {
                    channels.add(open(selector, source));
                }
                sendSearches(channels);
                return await(selector, timeout);
            } finally {
                for (DatagramChannel channel : channels) {
                    channel.close();
                }
            }
        }
    }

    private DatagramChannel open(Selector selector, Network.LanAddress source) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(new InetSocketAddress(source.address(), 0));
            if (target.getAddress().isMulticastAddress()) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, source.networkInterface());
                channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, TTL);
            }
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void sendSearches(List<DatagramChannel> channels) throws IOException {
        for (DatagramChannel channel : channels) {
            for (String st : SEARCH_TARGETS) {
                channel.send(ByteBuffer.wrap(search(st).getBytes(StandardCharsets.US_ASCII)), target);
            }
        }
    }

    private Optional<URI> await(Selector selector, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        int datagrams = 0;
        while (datagrams < MAX_DATAGRAMS) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) ((DatagramChannel) key.channel()).receive(buffer);
                if (from == null) {
                    continue;
                }
                datagrams++;
                buffer.flip();
                String text = StandardCharsets.ISO_8859_1.decode(buffer).toString();
                Optional<URI> location = SsdpResponse.gatewayLocation(text);
                if (location.isPresent()) {
                    log.debug("SSDP: gateway " + from.getAddress().getHostAddress() + " at " + location.get());
                    return location;
                }
                log.debug("SSDP: ignored a datagram from " + from + " that names no gateway");
            }
            selector.selectedKeys().clear();
        }
        log.warn("SSDP: stopped after " + MAX_DATAGRAMS + " datagrams without a gateway answer");
        return Optional.empty();
    }

    static String search(String st) {
        return "M-SEARCH * HTTP/1.1\r\n"
                + "HOST: 239.255.255.250:1900\r\n"
                + "MAN: \"ssdp:discover\"\r\n"
                + "MX: " + MX_SECONDS + "\r\n"
                + "ST: " + st + "\r\n"
                + "\r\n";
    }

    private static InetAddress group() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 239, (byte) 255, (byte) 255, (byte) 250});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
