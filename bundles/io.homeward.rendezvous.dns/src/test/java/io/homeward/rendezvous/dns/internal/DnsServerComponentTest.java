package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsTransport;

class DnsServerComponentTest {
    static final Name ALICE = Name.fromConstantString("alice.members.example.");

    @TempDir
    Path dir;

    @Test
    void servesTheAccountsZonesWithTheirKeysAndStopsCleanly() throws Exception {
        Account alice = new Account("alice", ALICE.toString(), Instant.EPOCH, Instant.EPOCH);
        TsigKey key = new TsigKey(ALICE.toString(), "hmac-sha256.", ServerFixture.secret(1));
        DnsServerComponent component = new DnsServerComponent(context(dir), ConfigParserTest.config(Map.of()),
                new TestLogger().logger());
        component.bindAccounts(accounts(List.of(alice), key));

        assertEquals(Rcode.NOERROR, ask(component, Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN)))
                .getRcode());
        Update update = new Update(ALICE);
        update.add(rr("host", Type.A, "203.0.113.1"));
        new TSIG(TSIG.HMAC_SHA256, ALICE, new SecretKeySpec(key.secret(), "HmacSHA256")).apply(update, null);
        assertEquals(Rcode.NOERROR, ask(component, update).getRcode(), "keys come from the account service");
        assertTrue(dir.resolve("dns").resolve("journal.log").toFile().length() > 0, "journal under homeward.data/dns");
        assertEquals(1, component.zones().stream().filter(z -> z.zone().equals(ALICE.toString())).findFirst()
                .orElseThrow().records(), "the zone directory sees the update");
        assertTrue(component.watches().isEmpty());

        component.accountRemoved(alice);
        assertEquals(Rcode.NXDOMAIN,
                ask(component, Message.newQuery(Record.newRecord(ALICE, Type.SOA, DClass.IN))).getRcode());

        component.deactivate();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && (t.getName().startsWith("homeward-dns-leases")
                        || t.getName().startsWith("homeward-dns-watches"))),
                "the lease sweeper and the watch timer threads are gone after deactivation");
    }

    @Test
    void listsRevokedCertificatesWhenTheCaComesAndAtEveryRevocation() throws Exception {
        Account alice = new Account("alice", ALICE.toString(), Instant.EPOCH, Instant.EPOCH);
        TsigKey key = new TsigKey(ALICE.toString(), "hmac-sha256.", ServerFixture.secret(1));
        DnsServerComponent component = new DnsServerComponent(context(dir), ConfigParserTest.config(Map.of()),
                new TestLogger().logger());
        component.bindAccounts(accounts(List.of(alice), key));
        Instant far = Instant.now().plus(Duration.ofDays(30));
        FakeAuthority ca = new FakeAuthority();
        ca.certificates.add(TestCertificates.host(ALICE.toString(), "old", BigInteger.TEN, far,
                Optional.of(Instant.now())));

        component.bindAuthority(ca);
        assertEquals(List.of(List.of("serial=a", "host=old", "until=" + far.truncatedTo(ChronoUnit.SECONDS))),
                revoked(component));

        ca.revoked(TestCertificates.host(ALICE.toString(), "laptop", BigInteger.valueOf(255), far,
                Optional.of(Instant.now())));
        assertEquals(2, revoked(component).size());

        component.unbindAuthority(ca);
        assertTrue(ca.listeners.isEmpty(), "the listener goes with the CA");
        component.deactivate();
    }

    @Test
    void removesTheRecordsOfAHostWhoseKeyWasDeleted() throws Exception {
        Account alice = new Account("alice", ALICE.toString(), Instant.EPOCH, Instant.EPOCH);
        TsigKey key = new TsigKey(ALICE.toString(), "hmac-sha256.", ServerFixture.secret(1));
        DnsServerComponent component = new DnsServerComponent(context(dir), ConfigParserTest.config(Map.of()),
                new TestLogger().logger());
        component.bindAccounts(accounts(List.of(alice), key));
        Update update = new Update(ALICE);
        update.add(rr("laptop", Type.AAAA, "fd00::1"));
        update.add(rr("_homeward._udp", Type.PTR, "laptop"));
        update.add(rr("desktop", Type.AAAA, "fd00::2"));
        new TSIG(TSIG.HMAC_SHA256, ALICE, new SecretKeySpec(key.secret(), "HmacSHA256")).apply(update, null);
        assertEquals(Rcode.NOERROR, ask(component, update).getRcode());

        String laptop = "laptop." + ALICE;
        component.hostRemoved(new EnrolledHost("alice", ALICE.toString(), "laptop",
                new TsigKey(laptop, "hmac-sha256.", ServerFixture.secret(11)), Instant.EPOCH));

        assertEquals(1, component.records(ALICE.toString()).stream().filter(r -> r.type() == Type.AAAA).count(),
                "only the desktop's address stays");
        assertTrue(component.records(ALICE.toString()).stream().noneMatch(r -> r.type() == Type.PTR));
        component.deactivate();
    }

    private static List<List<String>> revoked(DnsServerComponent component) {
        Message response = ask(component, Message.newQuery(Record.newRecord(
                Name.fromConstantString("_revoked._homeward." + ALICE), Type.TXT, DClass.IN)));
        return response.getSection(Section.ANSWER).stream().map(r -> ((TXTRecord) r).getStrings()).toList();
    }

    private static Message ask(DnsServerComponent component, Message request) {
        FakeResponder responder = new FakeResponder(DnsTransport.TCP);
        component.handle(request.toWire(), responder);
        return responder.only();
    }

    private static BundleContext context(Path data) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "homeward.data".equals(args[0])) {
                        return data.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static AccountService accounts(List<Account> users, TsigKey key) {
        return (AccountService) Proxy.newProxyInstance(AccountService.class.getClassLoader(),
                new Class<?>[] {AccountService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "users" -> users;
                    case "domain" -> "members.example.";
                    case "key" -> key.name().equals(args[0]) ? Optional.of(key) : Optional.empty();
                    case "scope" -> key.name().equals(args[0])
                            ? ServerFixture.masterScope(key.name())
                            : Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
