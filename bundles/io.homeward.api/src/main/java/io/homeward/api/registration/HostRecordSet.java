package io.homeward.api.registration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Map;

import io.homeward.api.identity.Eui64;

/**
 * The reachability records of one host (docs/architecture.md, "Records a host publishes").
 *
 * @param zone          the user's zone, absolute, for example {@code alice.members.example.}
 * @param hostName      the host label within the zone
 * @param eui64         names the {@code AutoTunnel-<EUI-64>} endpoint
 * @param ula           the host's inner address
 * @param publicAddress the outer IPv4 address peers send to
 * @param publicPort    the outer UDP port peers send to
 * @param deviceInfo    key/value pairs for the endpoint's TXT record
 */
public record HostRecordSet(String zone, String hostName, Eui64 eui64, Inet6Address ula, Inet4Address publicAddress,
        int publicPort, Map<String, String> deviceInfo) {

    public HostRecordSet {
        deviceInfo = Map.copyOf(deviceInfo);
    }
}
