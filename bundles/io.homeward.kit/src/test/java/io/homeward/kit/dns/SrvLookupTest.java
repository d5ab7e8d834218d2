package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class SrvLookupTest {
    static final Name SERVICE = Name.fromConstantString("_dns-push-tls._tcp.alice.btmm.example.");
    static final Name PRIMARY = Name.fromConstantString("primary.alice.btmm.example.");
    static final Name BACKUP = Name.fromConstantString("backup.alice.btmm.example.");

    private final PromiseFactory promises = new PromiseFactory(PromiseFactory.inlineExecutor());
    private final List<Record> answers = new ArrayList<>();
    private final List<Record> additional = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private int rcode = Rcode.NOERROR;

    /** Answers from {@link #answers} at once, on the caller's thread. */
    private Promise<byte[]> answer(InetSocketAddress server, byte[] wire) {
        try {
            return promises.resolved(respond(server, wire));
        } catch (IOException e) {
            return promises.failed(e);
        }
    }

    private byte[] respond(InetSocketAddress server, byte[] wire) throws IOException {
        Message query = new Message(wire);
        asked.add(Type.string(query.getQuestion().getType()));
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(rcode);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        for (Record record : answers) {
            if (record.getName().equals(query.getQuestion().getName())
                    && record.getType() == query.getQuestion().getType()) {
                response.addRecord(record, Section.ANSWER);
            }
        }
        additional.forEach(record -> response.addRecord(record, Section.ADDITIONAL));
        return response.toWire();
    }

    private Promise<InetSocketAddress> locate() {
        return new SrvLookup(this::answer, new InetSocketAddress("127.0.0.1", 53), new Random(1), promises)
                .locate(SERVICE);
    }

    private static Record a(Name name, String address) throws Exception {
        return new ARecord(name, DClass.IN, 60, InetAddress.getByName(address));
    }

    @Test
    void theLowestPriorityWinsAndItsAddressIsLookedUp() throws Exception {
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 10, 0, 9000, BACKUP));
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        answers.add(a(PRIMARY, "192.0.2.1"));
        answers.add(a(BACKUP, "192.0.2.2"));
        assertEquals(new InetSocketAddress("192.0.2.1", 8853), locate().getValue());
        assertEquals(List.of("SRV", "A"), asked);
    }

    @Test
    void anAddressInTheAdditionalSectionSavesAQuery() throws Exception {
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        additional.add(a(PRIMARY, "192.0.2.1"));
        assertEquals(new InetSocketAddress("192.0.2.1", 8853), locate().getValue());
        assertEquals(List.of("SRV"), asked);
    }

    @Test
    void aTargetWithOnlyAnIpv6AddressIsAskedForItsAaaa() throws Exception {
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        answers.add(new AAAARecord(PRIMARY, DClass.IN, 60, InetAddress.getByName("2001:db8::1")));
        assertEquals(new InetSocketAddress("2001:db8::1", 8853), locate().getValue());
        assertEquals(List.of("SRV", "A", "AAAA"), asked);
        answers.clear();
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        assertTrue(locate().getFailure().getMessage().contains("the SRV target " + PRIMARY + " has no address"));
    }

    @Test
    void noSrvOrADotTargetMeansNotOffered() throws Exception {
        Throwable none = locate().getFailure();
        assertInstanceOf(ServiceNotOfferedException.class, none);
        assertTrue(none.getMessage().contains("publishes no SRV record " + SERVICE), none.getMessage());
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 0, Name.root));
        Throwable dot = locate().getFailure();
        assertInstanceOf(ServiceNotOfferedException.class, dot);
        assertTrue(dot.getMessage().contains("not offered"), dot.getMessage());
    }

    @Test
    void aServerErrorIsNamed() throws Exception {
        rcode = Rcode.SERVFAIL;
        Throwable failure = locate().getFailure();
        assertEquals("the DNS server 127.0.0.1:53 answered " + SERVICE + " SRV with SERVFAIL", failure.getMessage());
        rcode = Rcode.NXDOMAIN;
        assertInstanceOf(ServiceNotOfferedException.class, locate().getFailure());
    }

    @Test
    void aBlockingLookupAnswersOnTheCallersThread() throws Exception {
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        additional.add(a(PRIMARY, "192.0.2.1"));
        SrvLookup lookup = SrvLookup.blocking(this::respond,
                new InetSocketAddress("127.0.0.1", 53), new Random(1));
        assertEquals(new InetSocketAddress("192.0.2.1", 8853), lookup.locateNow(SERVICE));
        answers.clear();
        assertThrows(ServiceNotOfferedException.class, () -> lookup.locateNow(SERVICE));
    }
}
