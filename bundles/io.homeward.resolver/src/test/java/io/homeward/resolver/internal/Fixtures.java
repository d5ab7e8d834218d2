package io.homeward.resolver.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

import io.homeward.api.peers.Peer;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.TestCredentials;
import io.homeward.testkit.TestHostIdentity;

/** The example zone, its hosts, and queries about them. */
final class Fixtures {
    static final String ZONE = "alice.members.example.";
    /** This host: the worked example of docs/architecture.md. */
    static final TestHostIdentity SELF = TestHostIdentity.example("eth0", "laptop");
    static final Inet6Address HOME_ULA = TestHostIdentity.ula("fd3c:9a51:e27d:b44:211:22ff:fe33:4455");
    static final Peer HOME = new Peer("home", HOME_ULA, Optional.empty(), Instant.EPOCH, "dns-push");

    private Fixtures() {
    }

    static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static SignedIn signedIn(MutableClock clock) {
        return SignedIn.of(TestCredentials.of("alice", ZONE), clock);
    }

    static ZoneView view(List<Peer> peers) {
        return ZoneView.of(name(ZONE), SELF.hostName(), SELF.ula(), peers);
    }

    static Message query(String name, int type) {
        Message query = new Message(0x1234);
        query.getHeader().setFlag(Flags.RD);
        query.addRecord(Record.newRecord(name(name), type, DClass.IN), Section.QUESTION);
        return query;
    }

    static SOARecord soa(long ttl, long minimum) {
        return new SOARecord(name(ZONE), DClass.IN, ttl, name("ns.members.example."),
                name("hostmaster.members.example."), 7, 3600, 600, 86400, minimum);
    }

    static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
