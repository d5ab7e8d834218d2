package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ServiceLocatorTest {
    static final Name ZONE = Name.fromConstantString(TestKeys.ZONE);
    static final Name SERVICE = Name.fromConstantString("_dns-push-tls._tcp." + TestKeys.ZONE);
    static final Name PRIMARY = Name.fromConstantString("primary." + TestKeys.ZONE);
    static final Name BACKUP = Name.fromConstantString("backup." + TestKeys.ZONE);

    private final List<Record> answers = new ArrayList<>();
    private final List<Record> additional = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private InetSocketAddress found;
    private Exception failure;

    private final Network network = new Network() {
        @Override
        public void query(InetSocketAddress server, byte[] wire, Completion<byte[]> result) {
            try {
                Message query = new Message(wire);
                asked.add(Type.string(query.getQuestion().getType()));
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.addRecord(query.getQuestion(), Section.QUESTION);
                for (Record record : answers) {
                    if (record.getName().equals(query.getQuestion().getName())) {
                        response.addRecord(record, Section.ANSWER);
                    }
                }
                additional.forEach(record -> response.addRecord(record, Section.ADDITIONAL));
                result.succeeded(response.toWire());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Link openUdp(InetSocketAddress server, Link.Receiver receiver) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void openTls(InetSocketAddress server, String pin, Link.Receiver receiver, Completion<Link> result) {
            throw new UnsupportedOperationException();
        }
    };

    private void locate() {
        new ServiceLocator(network, new InetSocketAddress("127.0.0.1", 53), new FixedRandom(0))
                .locate("_dns-push-tls._tcp", ZONE, new Completion<>() {
                    @Override
                    public void succeeded(InetSocketAddress value) {
                        found = value;
                    }

                    @Override
                    public void failed(Exception reason) {
                        failure = reason;
                    }
                });
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
        locate();
        assertEquals(new InetSocketAddress("192.0.2.1", 8853), found);
        assertEquals(List.of("SRV", "A"), asked);
    }

    @Test
    void anAddressInTheAdditionalSectionSavesAQuery() throws Exception {
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 8853, PRIMARY));
        additional.add(a(PRIMARY, "192.0.2.1"));
        locate();
        assertEquals(new InetSocketAddress("192.0.2.1", 8853), found);
        assertEquals(List.of("SRV"), asked);
    }

    @Test
    void noSrvOrADotTargetMeansNotOffered() {
        locate();
        assertTrue(failure.getMessage().contains("publishes no"), failure.getMessage());
        answers.add(new SRVRecord(SERVICE, DClass.IN, 60, 0, 0, 0, Name.root));
        locate();
        assertTrue(failure.getMessage().contains("not offered"), failure.getMessage());
    }
}
