package io.homeward.signin.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Looks up SRV {@code _dns-update-tls._tcp.<zone>} (RFC 2782; lowest priority, then highest weight)
 * and its target's address, from the additional section or an A then AAAA query.
 */
final class SrvServerFinder implements ServerFinder {
    static final String SERVICE = "_dns-update-tls._tcp";

    private final Duration timeout;

    SrvServerFinder(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public HostPort find(String zone, HostPort dnsServer) throws SignInException {
        Name owner;
        try {
            owner = Name.fromString(SERVICE + "." + zone, Name.root);
        } catch (TextParseException e) {
            throw new SignInException("'" + zone + "' is not a valid zone name");
        }
        Message answer = ask(owner, Type.SRV, dnsServer);
        SRVRecord srv = answer.getSection(Section.ANSWER).stream()
                .filter(SRVRecord.class::isInstance).map(SRVRecord.class::cast)
                .min(Comparator.comparingInt(SRVRecord::getPriority).thenComparing(r -> -r.getWeight()))
                .orElseThrow(() -> new SignInException("the DNS server " + dnsServer + " has no SRV record "
                        + owner + "; set the server address explicitly"));
        if (srv.getTarget().equals(Name.root)) {
            throw new SignInException(owner + " says the zone offers no update service");
        }
        InetAddress address = addressOf(answer, srv.getTarget());
        for (int type : new int[] {Type.A, Type.AAAA}) {
            if (address == null) {
                address = addressOf(ask(srv.getTarget(), type, dnsServer), srv.getTarget());
            }
        }
        if (address == null) {
            throw new SignInException("the SRV target " + srv.getTarget() + " has no address at " + dnsServer);
        }
        return new HostPort(address.getHostAddress(), srv.getPort());
    }

    private Message ask(Name name, int type, HostPort dnsServer) throws SignInException {
        try {
            SimpleResolver resolver = new SimpleResolver(dnsServer.socketAddress());
            resolver.setTimeout(timeout);
            Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new SignInException("the DNS server " + dnsServer + " answered " + Rcode.string(rcode)
                        + " for " + name + " " + Type.string(type));
            }
            return response;
        } catch (IOException e) {
            throw new SignInException("cannot reach the DNS server " + dnsServer + " to find the rendezvous: "
                    + e.getMessage());
        }
    }

    private static InetAddress addressOf(Message response, Name target) {
        List<Record> records = new ArrayList<>(response.getSection(Section.ANSWER));
        records.addAll(response.getSection(Section.ADDITIONAL));
        for (Record record : records) {
            if (record.getName().equals(target) && record instanceof ARecord a) {
                return a.getAddress();
            }
            if (record.getName().equals(target) && record instanceof AAAARecord aaaa) {
                return aaaa.getAddress();
            }
        }
        return null;
    }
}
