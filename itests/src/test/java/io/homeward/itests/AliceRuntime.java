package io.homeward.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

import io.homeward.api.accounts.AccountService;
import io.homeward.api.auth.TsigKey;

/**
 * The all-in-one runtime of a watch test: its rendezvous on free ports (the name server's address
 * published, so SRV records lead to it; no update rate limit in the way), and the user alice.
 */
final class AliceRuntime {
    static final String ZONE = "alice.members.example.";
    static final String PASSWORD = "alice-itest-password";

    private final String name;

    AliceRuntime(String name) {
        this.name = name;
    }

    /** Pax Exam options, with extra settings (JSON members, each ending in a comma) for the DNS server. */
    Option[] options(String dnsSettings) throws IOException {
        Path file = Files.createTempDirectory("homeward-" + name).resolve(name + ".json");
        Files.writeString(file, """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "itest-%s",
                  ":configurator:version": "1.0.0",
                  "io.homeward.rendezvous.transport": { "port": %d, "tlsPort": %d },
                  "io.homeward.rendezvous.dns": { %s "tlsPort": %d, "nameServerAddresses": ["127.0.0.1"],
                                                  "updatesPerSecond": 1000.0, "updateBurst": 1000,
                                                  "keyUpdatesPerSecond": 1000.0, "keyUpdateBurst": 1000 }
                }
                """.formatted(name, dnsPort(), tlsPort(), dnsSettings, tlsPort()));
        return ShippedRuntime.options("all-in-one", file);
    }

    int dnsPort() {
        return ShippedRuntime.consolePort(name + "-dns");
    }

    int tlsPort() {
        return ShippedRuntime.consolePort(name + "-tls");
    }

    InetSocketAddress server() {
        return new InetSocketAddress("127.0.0.1", dnsPort());
    }

    /**
     * Creates alice once per runtime and returns her password-derived key, as the accounts store it (this runs inside
     * the runtime, where the kit's key derivation is no exported package).
     */
    TsigKey addAlice(AccountService accounts) throws Exception {
        if (accounts.users().stream().noneMatch(a -> a.user().equals("alice"))) {
            accounts.addUser("alice", PASSWORD.toCharArray());
        }
        return accounts.key(ZONE).orElseThrow();
    }

    /** Adds alice and signs this runtime's agent in as her; returns her signed-update sender. */
    SignedUpdates signInAlice(BundleContext context, AccountService accounts) throws Exception {
        TsigKey key = addAlice(accounts);
        ZoneCredentials.signIn(context, "alice", ZONE, key);
        return new SignedUpdates(server(), key);
    }
}
