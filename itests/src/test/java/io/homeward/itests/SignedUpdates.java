package io.homeward.itests;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Update;

import io.homeward.api.auth.TsigKey;

/** TSIG-signed DNS UPDATEs as an agent sends them, with an optional update lease (RFC 9664, EDNS option 2). */
final class SignedUpdates {
    private final InetSocketAddress server;
    private final TsigKey key;

    SignedUpdates(InetSocketAddress server, TsigKey key) {
        this.server = server;
        this.key = key;
    }

    static Update leased(Update update, long leaseSeconds) {
        byte[] lease = java.nio.ByteBuffer.allocate(4).putInt((int) leaseSeconds).array();
        update.addRecord(new OPTRecord(1232, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(2, lease))), Section.ADDITIONAL);
        return update;
    }

    Update addAaaa(String name, String address) throws Exception {
        Update update = new Update(Name.fromString(key.name()));
        update.add(new AAAARecord(Name.fromString(name), DClass.IN, 120, InetAddress.getByName(address)));
        return update;
    }

    Update deleteAaaa(String name, String address) throws Exception {
        Update update = new Update(Name.fromString(key.name()));
        update.delete(new AAAARecord(Name.fromString(name), DClass.IN, 0, InetAddress.getByName(address)));
        return update;
    }

    /** Sends over TCP, signed with the key; fails unless the server says NOERROR. */
    void send(Message update) throws Exception {
        send(update, Clock.systemUTC());
    }

    Message send(Message update, Clock clock) throws Exception {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(Duration.ofSeconds(5));
        resolver.setTCP(true);
        resolver.setTSIGKey(new TSIG(TSIG.HMAC_SHA256, Name.fromString(key.name()), new SecretKeySpec(key.secret(), "HmacSHA256"), clock));
        Message response = resolver.send(update);
        if (clock == Clock.systemUTC() && response.getRcode() != Rcode.NOERROR) {
            throw new AssertionError("UPDATE answered " + Rcode.string(response.getRcode()));
        }
        return response;
    }
}
