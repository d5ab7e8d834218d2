package io.homeward.watcher.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the server of a service in the user's zone: SRV {@code <service>.<zone>} (RFC 2782) asked
 * of the configured DNS server, then the target's address from the additional section or an A query.
 */
final class ServiceLocator {
    private final Network network;
    private final InetSocketAddress server;
    private final Random random;

    ServiceLocator(Network network, InetSocketAddress server, Random random) {
        this.network = network;
        this.server = server;
        this.random = random;
    }

    void locate(String service, Name zone, Completion<InetSocketAddress> result) {
        Name owner;
        try {
            owner = Name.concatenate(Name.fromString(service), zone);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException e) {
            result.failed(new IOException("cannot build the SRV name " + service + "." + zone, e));
            return;
        }
        ask(owner, Type.SRV, result, response -> {
            List<SRVRecord> srvs = response.getSection(Section.ANSWER).stream()
                    .filter(SRVRecord.class::isInstance).map(SRVRecord.class::cast).toList();
            if (srvs.isEmpty()) {
                throw new IOException("the zone publishes no " + owner + " SRV record");
            }
            SRVRecord chosen = choose(srvs);
            if (chosen.getTarget().equals(Name.root)) {
                throw new IOException(owner + " says the service is not offered");
            }
            InetAddress address = addressIn(response, chosen.getTarget());
            if (address != null) {
                result.succeeded(new InetSocketAddress(address, chosen.getPort()));
            } else {
                ask(chosen.getTarget(), Type.A, result, answer -> {
                    InetAddress resolved = addressIn(answer, chosen.getTarget());
                    if (resolved == null) {
                        throw new IOException("the SRV target " + chosen.getTarget() + " has no address");
                    }
                    result.succeeded(new InetSocketAddress(resolved, chosen.getPort()));
                });
            }
        });
    }

    /** RFC 2782: the lowest priority wins; among equals, a weighted random pick. */
    private SRVRecord choose(List<SRVRecord> srvs) {
        int best = srvs.stream().mapToInt(SRVRecord::getPriority).min().orElseThrow();
        List<SRVRecord> group = srvs.stream().filter(srv -> srv.getPriority() == best)
                .sorted(Comparator.comparingInt(SRVRecord::getWeight)).toList();
        int total = group.stream().mapToInt(SRVRecord::getWeight).sum();
        int pick = total == 0 ? 0 : random.nextInt(total + 1);
        int running = 0;
        for (SRVRecord srv : group) {
            running += srv.getWeight();
            if (running >= pick) {
                return srv;
            }
        }
        return group.get(group.size() - 1);
    }

    private static InetAddress addressIn(Message response, Name target) {
        for (int section : new int[] {Section.ANSWER, Section.ADDITIONAL}) {
            for (Record record : response.getSection(section)) {
                if (record.getName().equals(target) && record instanceof ARecord a) {
                    return a.getAddress();
                }
                if (record.getName().equals(target) && record instanceof AAAARecord aaaa) {
                    return aaaa.getAddress();
                }
            }
        }
        return null;
    }

    private interface Step {
        void accept(Message response) throws IOException;
    }

    private void ask(Name question, int type, Completion<InetSocketAddress> result, Step step) {
        Message query = new Message(random.nextInt(0x10000));
        query.addRecord(Record.newRecord(question, type, DClass.IN), Section.QUESTION);
        network.query(server, query.toWire(), new Completion<>() {
            @Override
            public void succeeded(byte[] wire) {
                try {
                    Message response = new Message(wire);
                    if (response.getRcode() != Rcode.NOERROR) {
                        throw new IOException(question + " " + Type.string(type) + " answered "
                                + Rcode.string(response.getRcode()));
                    }
                    step.accept(response);
                } catch (IOException e) {
                    result.failed(e);
                }
            }

            @Override
            public void failed(Exception reason) {
                result.failed(reason);
            }
        });
    }
}
