package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import io.homeward.api.portmap.TransportProtocol;

/** The port-mapping actions of WANIPConnection / WANPPPConnection (IGD spec §2.4), typed. */
final class WanConnection {
    static final String DESCRIPTION = "homeward";

    /** What GetSpecificPortMappingEntry reports for an external port. */
    record Entry(InetAddress internalClient, int internalPort, String description, long leaseSeconds) {
    }

    private final SoapClient soap;
    private final WanService service;

    WanConnection(SoapClient soap, WanService service) {
        this.soap = soap;
        this.service = service;
    }

    WanService service() {
        return service;
    }

    InetAddress externalAddress() throws IOException {
        String text = soap.call(service, "GetExternalIPAddress", Map.of()).getOrDefault("NewExternalIPAddress", "");
        // miniupnpd answers an empty address when its own WAN address is private or reserved.
        InetAddress address = text.isEmpty() ? null : ipv4Literal(text, "NewExternalIPAddress");
        if (address == null || address.isAnyLocalAddress()) {
            throw new IOException("the router reports no public address of its own: it has no Internet connection"
                    + " yet, or its WAN address is private (a double NAT, where port mapping cannot help)");
        }
        return address;
    }

    void add(int externalPort, TransportProtocol transport, int internalPort, InetAddress client, long leaseSeconds)
            throws IOException {
        soap.call(service, "AddPortMapping", mappingArguments(externalPort, transport, internalPort, client,
                leaseSeconds));
    }

    /** IGD v2 only: the gateway picks a free external port near the suggested one. */
    int addAny(int externalPort, TransportProtocol transport, int internalPort, InetAddress client, long leaseSeconds)
            throws IOException {
        String reserved = soap.call(service, "AddAnyPortMapping", mappingArguments(externalPort, transport,
                internalPort, client, leaseSeconds)).getOrDefault("NewReservedPort", "");
        return port(reserved, "NewReservedPort");
    }

    void delete(int externalPort, TransportProtocol transport) throws IOException {
        soap.call(service, "DeletePortMapping", key(externalPort, transport));
    }

    Entry entry(int externalPort, TransportProtocol transport) throws IOException {
        Map<String, String> out = soap.call(service, "GetSpecificPortMappingEntry", key(externalPort, transport));
        long lease;
        try {
            lease = Long.parseLong(out.getOrDefault("NewLeaseDuration", ""));
        } catch (NumberFormatException e) {
            throw new IOException("GetSpecificPortMappingEntry answer lacks a numeric NewLeaseDuration");
        }
        return new Entry(ipv4Literal(out.getOrDefault("NewInternalClient", ""), "NewInternalClient"),
                port(out.getOrDefault("NewInternalPort", ""), "NewInternalPort"),
                out.getOrDefault("NewPortMappingDescription", ""), lease);
    }

    private static Map<String, String> key(int externalPort, TransportProtocol transport) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("NewRemoteHost", "");
        args.put("NewExternalPort", Integer.toString(externalPort));
        args.put("NewProtocol", transport.name());
        return args;
    }

    private static Map<String, String> mappingArguments(int externalPort, TransportProtocol transport,
            int internalPort, InetAddress client, long leaseSeconds) {
        Map<String, String> args = key(externalPort, transport);
        args.put("NewInternalPort", Integer.toString(internalPort));
        args.put("NewInternalClient", client.getHostAddress());
        args.put("NewEnabled", "1");
        args.put("NewPortMappingDescription", DESCRIPTION);
        args.put("NewLeaseDuration", Long.toString(leaseSeconds));
        return args;
    }

    private static int port(String text, String name) throws IOException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            throw new IOException("the gateway's " + name + " '" + text + "' is not a number", e);
        }
        throw new IOException("the gateway's " + name + " '" + text + "' is not a port number");
    }

    /** Only a dotted quad is accepted, so a device can never make this host resolve a name. */
    static InetAddress ipv4Literal(String text, String name) throws IOException {
        String[] parts = text.split("\\.", -1);
        byte[] bytes = new byte[4];
        boolean valid = parts.length == 4;
        for (int i = 0; valid && i < 4; i++) {
            valid = parts[i].matches("\\d{1,3}") && Integer.parseInt(parts[i]) <= 255;
            bytes[i] = valid ? (byte) Integer.parseInt(parts[i]) : 0;
        }
        if (!valid) {
            throw new IOException("the gateway's " + name + " '" + text + "' is not an IPv4 address");
        }
        return InetAddress.getByAddress(bytes);
    }
}
