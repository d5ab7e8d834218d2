package io.homeward.registrar.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import io.homeward.kit.net.Endpoints;

/**
 * Finds the zone's update server: SRV {@code _dns-update-tls._tcp.<zone>} asked of the configured DNS
 * server, then the target's A record from the additional section or from a second query.
 */
final class UpdateServerLocator {
    static final String SERVICE = "_dns-update-tls._tcp";

    private final Network network;
    private final InetSocketAddress dnsServer;
    private final IntSupplier ids;

    UpdateServerLocator(Network network, InetSocketAddress dnsServer, IntSupplier ids) {
        this.network = network;
        this.dnsServer = dnsServer;
        this.ids = ids;
    }

    InetSocketAddress locate(Name zone) throws UpdateFailure {
        Name owner;
        try {
            owner = Name.concatenate(Name.fromString(SERVICE), zone);
        } catch (TextParseException | NameTooLongException e) {
            throw new UpdateFailure("cannot build the SRV name " + SERVICE + "." + zone, e);
        }
        Message srvAnswer = ask(owner, Type.SRV);
        // RFC 2782: the lowest priority wins; among equals this client takes the heaviest (one server is usual).
        SRVRecord srv = srvAnswer.getSection(Section.ANSWER).stream()
                .filter(SRVRecord.class::isInstance).map(SRVRecord.class::cast)
                .min(Comparator.comparingInt(SRVRecord::getPriority)
                        .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed()))
                .orElseThrow(() -> new UpdateFailure("the DNS server " + where() + " knows no " + owner
                        + " SRV record: is " + zone + " a zone of that rendezvous server?"));
        if (srv.getTarget().equals(Name.root)) {
            throw new UpdateFailure(owner + " says the zone offers no update service");
        }
        Optional<InetAddress> address = addressIn(srvAnswer, srv.getTarget());
        if (address.isEmpty()) {
            address = addressIn(ask(srv.getTarget(), Type.A), srv.getTarget());
        }
        return new InetSocketAddress(address.orElseThrow(() -> new UpdateFailure("the update server "
                + srv.getTarget() + " has no IPv4 address")), srv.getPort());
    }

    private static Optional<InetAddress> addressIn(Message response, Name target) {
        for (int section : new int[] {Section.ANSWER, Section.ADDITIONAL}) {
            for (Record record : response.getSection(section)) {
                if (record instanceof ARecord a && a.getName().equals(target)) {
                    return Optional.of(a.getAddress());
                }
            }
        }
        return Optional.empty();
    }

    private String where() {
        return Endpoints.text(dnsServer);
    }

    private Message ask(Name question, int type) throws UpdateFailure {
        Message query = new Message(ids.getAsInt());
        query.addRecord(Record.newRecord(question, type, DClass.IN), Section.QUESTION);
        Message response;
        try {
            response = new Message(network.queryUdp(dnsServer, query.toWire()));
        } catch (IOException e) {
            throw new UpdateFailure("the DNS server " + where() + " did not answer " + question + " "
                    + Type.string(type) + ": " + e.getMessage(), e);
        }
        if (response.getRcode() == Rcode.NXDOMAIN && type == Type.SRV) {
            throw new UpdateFailure("the DNS server " + where() + " has no " + question + ": is the zone "
                    + "(user name and domain) right, and is that the user's rendezvous server?");
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new UpdateFailure("the DNS server " + where() + " answered " + question + " "
                    + Type.string(type) + " with " + Rcode.string(response.getRcode()));
        }
        return response;
    }
}
