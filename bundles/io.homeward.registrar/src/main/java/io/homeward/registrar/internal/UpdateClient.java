package io.homeward.registrar.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.dns.ServiceNotOfferedException;
import io.homeward.kit.dns.SrvLookup;
import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.net.Endpoints;

/** Signs each UPDATE with the user's key, sends it over TLS to the zone's update server and reads the answer. */
final class UpdateClient implements UpdateSender {
    static final String SERVICE = "_dns-update-tls._tcp";

    private final Network network;
    private final Optional<InetSocketAddress> fixedServer;
    private final SrvLookup locator;
    private final String pin;
    private final Clock clock;
    private final IntSupplier ids;

    /** @param locator finds the zone's update server when none is configured */
    UpdateClient(Network network, Optional<InetSocketAddress> fixedServer, SrvLookup locator, String pin,
            Clock clock, IntSupplier ids) {
        this.network = network;
        this.fixedServer = fixedServer;
        this.locator = locator;
        this.pin = pin;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Granted publish(Credentials signedIn, HostRecordSet set, Optional<HostRecordSet> previous, Duration lease)
            throws UpdateFailure {
        Message update;
        try {
            update = UpdateMessages.publish(set, previous, lease, ids.getAsInt());
        } catch (IllegalArgumentException e) {
            throw new UpdateFailure("cannot build the UPDATE: " + e.getMessage(), e);
        }
        Exchange done = exchange(signedIn, update, set.zone());
        // RFC 9664 §4.2: without the option the server has no leases; refresh as if it granted the request.
        return new Granted(LeaseOption.granted(done.response()).orElse(lease), done.server());
    }

    @Override
    public void withdraw(Credentials signedIn, HostRecordSet set) throws UpdateFailure {
        Message update;
        try {
            update = UpdateMessages.withdraw(set, ids.getAsInt());
        } catch (IllegalArgumentException e) {
            throw new UpdateFailure("cannot build the UPDATE: " + e.getMessage(), e);
        }
        exchange(signedIn, update, set.zone());
    }

    /**
     * Sends an UPDATE of other names below this host's name (the KDC's {@link KerberosRecords}), signed with the
     * host's key; the lease the server granted, or {@code lease} when it sent none.
     */
    Granted send(Credentials signedIn, Message update, String zone, Duration lease) throws UpdateFailure {
        Exchange done = exchange(signedIn, update, zone);
        return new Granted(LeaseOption.granted(done.response()).orElse(lease), done.server());
    }

    private record Exchange(Message response, String server) {
    }

    /** The configured pin wins; without one, the certificate sign-in proved the key against is pinned. */
    private Exchange exchange(Credentials signedIn, Message update, String zone) throws UpdateFailure {
        TsigKey key = signedIn.tsigKey();
        String trusted = pin;
        if (trusted.isEmpty()) {
            try {
                trusted = Fingerprints.normalize(signedIn.tlsFingerprint());
            } catch (IllegalArgumentException e) {
                throw new UpdateFailure("the TLS fingerprint kept from sign-in is unusable; sign in again ("
                        + e.getMessage() + ")", e);
            }
        }
        Name zoneName = update.getQuestion().getName();
        InetSocketAddress server = fixedServer.isPresent() ? fixedServer.get() : locate(zoneName);
        String where = Endpoints.text(server);
        TsigSigner signer;
        try {
            signer = new TsigSigner(key, clock);
        } catch (IllegalArgumentException e) {
            throw new UpdateFailure(e.getMessage(), e);
        }
        byte[] wire = signer.sign(update);
        Message response;
        byte[] answer;
        try {
            answer = network.exchangeTls(server, wire, trusted);
            response = new Message(answer);
        } catch (IOException e) {
            throw new UpdateFailure("cannot reach the update server " + where + ": " + e.getMessage(), e);
        }
        if (response.getHeader().getID() != update.getHeader().getID()) {
            throw new UpdateFailure("the update server " + where + " answered another message (ID "
                    + response.getHeader().getID() + ")");
        }
        UpdateAnswers.check(response, key, zone, where);
        if (response.getTSIG() != null && !signer.verify(response, answer, update.getTSIG())) {
            throw new UpdateFailure("the update server " + where + " signed its answer wrongly: "
                    + "it may not hold the same key as this host");
        }
        return new Exchange(response, where);
    }

    /** SRV {@code _dns-update-tls._tcp.<zone>} (RFC 2782) asked of the configured DNS server. */
    private InetSocketAddress locate(Name zone) throws UpdateFailure {
        Name owner;
        try {
            owner = Name.concatenate(Name.fromString(SERVICE), zone);
        } catch (TextParseException | NameTooLongException e) {
            throw new UpdateFailure("cannot build the SRV name " + SERVICE + "." + zone, e);
        }
        try {
            return locator.locateNow(owner);
        } catch (ServiceNotOfferedException e) {
            throw new UpdateFailure(e.getMessage() + ": is the zone (user name and domain) right, and is that the "
                    + "user's rendezvous server?", e);
        } catch (IOException e) {
            throw new UpdateFailure("cannot find the update server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateFailure("interrupted while looking up " + owner, e);
        }
    }
}
