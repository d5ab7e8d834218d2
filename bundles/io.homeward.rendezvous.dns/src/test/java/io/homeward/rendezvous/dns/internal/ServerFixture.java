package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsTransport;
import io.homeward.rendezvous.dns.internal.tsig.TsigAlgorithms;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.testkit.MutableClock;

/**
 * A server on a temporary directory with a fake clock, two users' zones and their keys. A key in {@link #keys} is
 * the master key of the zone it is named after unless {@link #scopes} says otherwise ({@link #enrollHost}).
 */
public final class ServerFixture implements AutoCloseable {
    public static final Name DOMAIN = Name.fromConstantString("members.example.");
    public static final Name ALICE = Name.fromConstantString("alice.members.example.");
    public static final Name BOB = Name.fromConstantString("bob.members.example.");
    public static final Name NS = Name.fromConstantString("ns.members.example.");
    public static final Instant START = Instant.parse("2026-05-01T12:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final TestLogger log = new TestLogger();
    public final Map<String, TsigKey> keys = new HashMap<>();
    public final Map<String, KeyScope> scopes = new HashMap<>();
    public final Path dir;
    private final ServerSettings settings;
    public DnsServer server;

    public ServerFixture(Path dir) throws IOException {
        this(dir, settings(100_000, 5, 20, List.of()));
    }

    public ServerFixture(Path dir, ServerSettings settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        keys.put(ALICE.toString(), new TsigKey(ALICE.toString(), "hmac-sha256.", secret(1)));
        keys.put(BOB.toString(), new TsigKey(BOB.toString(), "hmac-sha256.", secret(2)));
        server = newServer();
        server.zones().createZone(ALICE);
        server.zones().createZone(BOB);
    }

    /** Settings with room for 100,000 records a zone and the same UPDATE rate limit per key as per address. */
    public static ServerSettings settings(long compactionBytes, double rate, int burst,
            List<InetSocketAddress> secondaries) throws IOException {
        return settings(compactionBytes, rate, burst, secondaries, 100_000, rate, burst);
    }

    public static ServerSettings settings(long compactionBytes, double rate, int burst,
            List<InetSocketAddress> secondaries, int zoneRecordQuota, double keyRate, int keyBurst)
            throws IOException {
        return new ServerSettings(DOMAIN, NS,
                List.of(InetAddress.getByName("198.51.100.53"), InetAddress.getByName("2001:db8::53")),
                Name.fromConstantString("hostmaster.members.example."), 8853, 8443, 1232, 60, 60, 7200, rate, burst,
                secondaries, compactionBytes, zoneRecordQuota, keyRate, keyBurst);
    }

    /** A server with the default LLQ and push settings that turns zone changes into events on the caller's thread. */
    public DnsServer newServer() throws IOException {
        return new DnsServer(settings, WatchSettings.DEFAULTS, name -> Optional.ofNullable(keys.get(name)),
                this::scope, clock, new SecureRandom(), Runnable::run, dir, log.logger());
    }

    /** What the key may change, as the account service says: {@link #scopes}, else the master key of its name. */
    public Optional<KeyScope> scope(String name) {
        if (!keys.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(scopes.get(name)).or(() -> masterScope(name));
    }

    /** The scope of a master key: the zone it is named after, of the user named by its first label. */
    public static Optional<KeyScope> masterScope(String name) {
        return Optional.of(new KeyScope(name.substring(0, name.indexOf('.')), name, Optional.empty()));
    }

    /** Gives a host of the zone a key of its own, named after the host; returns the host's name. */
    public Name enrollHost(Name zone, String host, int seed) {
        Name name = Name.fromConstantString(host + "." + zone);
        keys.put(name.toString(), new TsigKey(name.toString(), "hmac-sha256.", secret(seed)));
        scopes.put(name.toString(), new KeyScope(zone.getLabelString(0), zone.toString(), Optional.of(host)));
        return name;
    }

    /** Drops every record whose lease has ended by the fixture's clock; returns how many went. */
    public int expireLeases() throws IOException {
        return server.zones().expireLeases(clock.instant());
    }

    /** Simulates a crash and restart: a new server on the same directory. */
    public void restart() throws IOException {
        server.close();
        server = newServer();
    }

    public static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (seed * 31 + i);
        }
        return secret;
    }

    /** A client-side dnsjava TSIG for a key (a zone's or a host's), on the fixture's clock. */
    public TSIG clientKey(Name key, Name algorithm) {
        byte[] secret = keys.get(key.toString()).secret();
        return new TSIG(algorithm, key, new SecretKeySpec(secret, TsigAlgorithms.of(algorithm).orElseThrow().jcaName()),
                clock);
    }

    public Message send(Message request, DnsTransport transport) {
        FakeResponder responder = new FakeResponder(transport);
        server.requests().handle(request.toWire(), responder);
        return responder.only();
    }

    public Message query(Name name, int type) {
        return send(Message.newQuery(Record.newRecord(name, type, DClass.IN)), DnsTransport.UDP);
    }

    /** Signs with the zone's own hmac-sha256 key and sends over TCP; checks the response's signature. */
    public Message signedUpdate(Message update, Name keyZone) {
        TSIG key = clientKey(keyZone, TSIG.HMAC_SHA256);
        key.apply(update, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TCP);
        server.requests().handle(update.toWire(), responder);
        Message response = responder.only();
        if (response.getTSIG() != null && response.getTSIG().getSignature().length > 0) {
            int verified = key.verify(response, responder.sent().get(0), update.getTSIG());
            if (verified != 0) {
                throw new AssertionError("the response signature does not verify: " + verified);
            }
        }
        return response;
    }

    public Message signedUpdate(Message update) {
        return signedUpdate(update, update.getQuestion().getName());
    }

    /** Adds records to alice's zone without a lease; fails the test unless the server says NOERROR. */
    public void addToAlice(Record... records) {
        org.xbill.DNS.Update update = new org.xbill.DNS.Update(ALICE);
        update.add(records);
        int rcode = signedUpdate(update).getRcode();
        if (rcode != 0) {
            throw new AssertionError("setting up alice's zone failed with " + org.xbill.DNS.Rcode.string(rcode));
        }
    }

    public static OPTRecord leaseOpt(long lease) {
        return new OPTRecord(1440, 0, 0, 0, List.<EDNSOption>of(new io.homeward.rendezvous.dns.internal.lease
                .UpdateLease(lease, lease, false).toOption()));
    }

    /** A record in zone-file syntax; relative names are relative to {@code origin}. */
    public static Record rr(String owner, int type, long ttl, String rdata, Name origin) {
        try {
            return Record.fromString(Name.fromString(owner, origin), type, DClass.IN, ttl, rdata, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Record rr(String owner, int type, String rdata) {
        return rr(owner, type, 300, rdata, ALICE);
    }

    public long serial(Name zone) {
        Message response = query(zone, Type.SOA);
        return ((org.xbill.DNS.SOARecord) response.getSection(Section.ANSWER).get(0)).getSerial();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
