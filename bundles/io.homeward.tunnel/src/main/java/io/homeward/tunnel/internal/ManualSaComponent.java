package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * One manually keyed SA pair per factory configuration, installed through the SA database while the configuration
 * exists. The peer is a ULA, or a host name whose ULA the peer directory gives (an agent's ULA is new each run,
 * docs/architecture.md): the SA is installed when the host appears and re-keyed to its new ULA when it restarts. For labs,
 * benchmarks and peers without IKE; IKEv2 installs SAs through the same contract.
 */
@Component(service = PeerListener.class, configurationPid = "io.homeward.tunnel.manualsa",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ManualSaComponent.Config.class, factory = true)
public class ManualSaComponent implements PeerListener {
    @ObjectClassDefinition(name = "Homeward manually keyed SA",
            description = "A static ESP SA pair with one peer. Both hosts need mirrored settings: this host's inbound "
                    + "SPI and key are the peer's outbound ones.")
    public @interface Config {
        @AttributeDefinition(description = "The peer: its host name in your zone (as homeward:peers lists it) or its "
                + "ULA.")
        String peer();

        @AttributeDefinition(description = "SPI the peer puts in packets to this host, e.g. 0xc0ffee01 (not 0..255).")
        String inboundSpi();

        @AttributeDefinition(description = "SPI this host puts in packets to the peer.")
        String outboundSpi();

        @AttributeDefinition(required = false, description = "Crypto suite: aes-gcm-16 or chacha20-poly1305; empty "
                + "uses the highest ranked installed suite.")
        String suite() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Key material for packets from the peer, "
                + "hex: the key then the 4-byte salt (20 or 36 bytes for AES-GCM-128/256, 36 for ChaCha20).")
        String inboundKey();

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Key material for packets to the peer, hex.")
        String outboundKey();

        @AttributeDefinition(required = false, description = "The peer's public address:port; empty follows the "
                + "peer directory (and any authenticated packet from the peer).")
        String endpoint() default "";

        @AttributeDefinition(required = false, description = "Extended Sequence Numbers (RFC 4303 §2.2.1): 64-bit "
                + "sequence numbers. Both hosts must agree. Turn off for a peer without them, such as a Linux "
                + "xfrm SA without 'flag esn' or strongSwan's kernel-libipsec; such an SA stops sending after "
                + "2^32 - 1 packets and must then be re-keyed.")
        boolean esn() default true;
    }

    private final SecurityAssociationDatabase database;
    private final Logger log;
    private final String peerName;
    private final ManualSa keys;
    private Inet6Address installed;

    @Activate
    public ManualSaComponent(@Reference SecurityAssociationDatabase database,
            @Reference(service = LoggerFactory.class) Logger log, Config config) {
        this.database = database;
        this.log = log;
        ManualSa parsed = null;
        Optional<Inet6Address> ula = Optional.empty();
        try {
            parsed = ManualSa.parse(config.inboundSpi(), config.outboundSpi(), config.suite(), config.inboundKey(),
                    config.outboundKey(), config.endpoint(), config.esn());
            ula = ManualSa.ula(config.peer());
        } catch (IllegalArgumentException e) {
            log.error("Manually keyed SA for {} not installed: {}", config.peer(), e.getMessage());
            parsed = null;
        }
        this.keys = parsed;
        this.peerName = config.peer().trim();
        ula.ifPresent(this::installFor);
    }

    /** The directory replays its current peers to a new listener, then tells each change. */
    @Override
    public synchronized void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        after.filter(p -> p.hostName().equalsIgnoreCase(peerName)).map(Peer::ula)
                .filter(ula -> !ula.equals(installed)).ifPresent(this::installFor);
    }

    private synchronized void installFor(Inet6Address ula) {
        if (keys == null) {
            return;
        }
        try {
            if (installed != null) {
                database.remove(installed);
            }
            database.install(keys.forPeer(ula));
            installed = ula;
        } catch (IllegalArgumentException e) {
            log.error("Manually keyed SA for {} not installed: {}", peerName, e.getMessage());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (installed != null) {
            database.remove(installed);
        }
    }
}
