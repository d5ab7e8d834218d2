package io.homeward.kit.dns;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.kit.net.Endpoints;

/**
 * Finds the server of a service in the user's zone: SRV {@code <service>.<zone>} (RFC 2782) asked of a DNS server,
 * then the target's address from the answer, from the additional section, or from an A and then an AAAA query.
 * The answer arrives as a promise of the given factory.
 */
public final class SrvLookup {
    /** No further address type to ask for. */
    private static final int NO_MORE = 0;

    private final DnsQuery query;
    private final InetSocketAddress dnsServer;
    private final Random random;
    private final PromiseFactory promises;

    /**
     * @param random   picks query IDs and weighs equal-priority records
     * @param promises the factory of {@code query}'s promises, so every step runs its callbacks in one place
     */
    public SrvLookup(DnsQuery query, InetSocketAddress dnsServer, Random random, PromiseFactory promises) {
        this.query = query;
        this.dnsServer = dnsServer;
        this.random = random;
        this.promises = promises;
    }

    /** One query on blocking sockets, such as {@link UdpQuery#exchange}. */
    @FunctionalInterface
    public interface BlockingQuery {
        byte[] exchange(InetSocketAddress server, byte[] query) throws IOException;
    }

    /** A lookup whose queries block the caller's thread, for callers that wait anyway: see {@link #locateNow}. */
    public static SrvLookup blocking(BlockingQuery query, InetSocketAddress dnsServer, Random random) {
        PromiseFactory inline = new PromiseFactory(PromiseFactory.inlineExecutor());
        return new SrvLookup((server, wire) -> {
            try {
                return inline.resolved(query.exchange(server, wire));
            } catch (IOException e) {
                return inline.failed(e);
            }
        }, dnsServer, random, inline);
    }

    /** {@link #locate}, waiting for the answer; the lookup's failure is thrown as it is. */
    public InetSocketAddress locateNow(Name owner) throws IOException, InterruptedException {
        Promise<InetSocketAddress> located = locate(owner);
        Throwable failure = located.getFailure();
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure);
        }
        try {
            return located.getValue();
        } catch (InvocationTargetException impossible) {
            throw new IllegalStateException("a resolved lookup failed", impossible);
        }
    }

    /**
     * The address and port of the chosen server; fails with {@link ServiceNotOfferedException} when the zone
     * publishes none, with an {@link IOException} saying what went wrong otherwise.
     */
    public Promise<InetSocketAddress> locate(Name owner) {
        return ask(owner, Type.SRV).flatMap(response -> {
            List<SRVRecord> srvs = response.getSection(Section.ANSWER).stream()
                    .filter(SRVRecord.class::isInstance).map(SRVRecord.class::cast).toList();
            if (srvs.isEmpty()) {
                throw new ServiceNotOfferedException("the zone publishes no SRV record " + owner + " at the DNS server "
                        + Endpoints.text(dnsServer));
            }
            SRVRecord chosen = choose(srvs);
            Name target = chosen.getTarget();
            if (target.equals(Name.root)) {
                throw new ServiceNotOfferedException(owner + " says the service is not offered");
            }
            return address(response, target, Type.A).map(address -> new InetSocketAddress(address, chosen.getPort()));
        });
    }

    /** The target's address in {@code response}, else asked with {@code next} (A, then AAAA). */
    private Promise<InetAddress> address(Message response, Name target, int next) throws IOException {
        InetAddress found = addressIn(response, target);
        if (found != null) {
            return promises.resolved(found);
        }
        if (next == NO_MORE) {
            throw new IOException("the SRV target " + target + " has no address");
        }
        return ask(target, next).flatMap(answer -> address(answer, target, next == Type.A ? Type.AAAA : NO_MORE));
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

    private Promise<Message> ask(Name question, int type) {
        Message request = new Message(random.nextInt(0x10000));
        request.addRecord(Record.newRecord(question, type, DClass.IN), Section.QUESTION);
        return query.send(dnsServer, request.toWire()).map(wire -> {
            Message response = new Message(wire);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN && type == Type.SRV) {
                throw new ServiceNotOfferedException("the zone publishes no SRV record " + question
                        + " at the DNS server " + Endpoints.text(dnsServer) + " (NXDOMAIN)");
            }
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new IOException("the DNS server " + Endpoints.text(dnsServer) + " answered " + question + " "
                        + Type.string(type) + " with " + Rcode.string(rcode));
            }
            return response;
        });
    }
}
