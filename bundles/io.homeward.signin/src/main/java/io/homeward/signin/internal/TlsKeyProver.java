package io.homeward.signin.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.dns.FingerprintMismatchException;
import io.homeward.kit.dns.PinnedTrust;
import io.homeward.kit.dns.TsigSigner;

/**
 * Proves a key with a TSIG-signed SOA query for the user's zone over DNS-over-TLS (RFC 7858, two-byte
 * length framing), and checks the server's signature on the answer with the same key (RFC 8945 §5.3).
 */
final class TlsKeyProver implements KeyProver {
    private final Clock clock;
    private final Duration timeout;

    TlsKeyProver(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public String prove(String zone, TsigKey key, HostPort server, String pin) throws SignInException {
        TsigSigner signer = signer(key, clock);
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(zone, Name.root), Type.SOA, DClass.IN));
        } catch (TextParseException e) {
            throw new SignInException("'" + zone + "' is not a valid zone name");
        }
        PinnedTrust trust = new PinnedTrust(pin);
        byte[] answer = exchange(signer.sign(query), server, trust);
        Message response;
        try {
            response = new Message(answer);
        } catch (IOException e) {
            throw new SignInException("the server at " + server + " sent a malformed DNS message: " + e.getMessage());
        }
        check(response, answer, signer, query.getTSIG(), zone, server);
        return trust.seen();
    }

    private byte[] exchange(byte[] request, HostPort server, PinnedTrust trust) throws SignInException {
        InetSocketAddress address = server.socketAddress();
        if (address.isUnresolved()) {
            throw new SignInException("cannot resolve the rendezvous server name " + server.host());
        }
        try {
            return DnsOverTls.exchange(address, trust, timeout, request);
        } catch (FingerprintMismatchException e) {
            throw new SignInException("the server at " + server + " presented a TLS certificate with SHA-256 "
                    + "fingerprint " + e.seen() + " but the pin is " + e.pinned()
                    + "; check you are talking to the right server, or update the pin if its certificate was replaced");
        } catch (SSLHandshakeException e) {
            throw new SignInException("TLS with the server at " + server + " failed: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            throw new SignInException("the rendezvous server at " + server + " did not answer within "
                    + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new SignInException("cannot reach the rendezvous server at " + server + ": " + e.getMessage());
        }
    }

    private static void check(Message response, byte[] wire, TsigSigner signer, TSIGRecord request, String zone,
            HostPort server) throws SignInException {
        TSIGRecord signature = response.getTSIG();
        int error = signature == null ? Rcode.NOERROR : signature.getError();
        if (error == Rcode.BADKEY) {
            throw new SignInException("unknown user: the server at " + server + " has no account for zone " + zone);
        }
        if (error == Rcode.BADSIG) {
            throw new SignInException("wrong password for zone " + zone);
        }
        if (error == Rcode.BADTIME) {
            throw new SignInException("the server at " + server + " says this machine's clock is wrong "
                    + "(TSIG BADTIME); set the clock and try again");
        }
        if (!signer.verify(response, wire, request)) {
            throw new SignInException("wrong password for zone " + zone
                    + " (the server's answer is not signed with the key derived from it)");
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new SignInException("the server at " + server + " answered " + Rcode.string(response.getRcode())
                    + " for zone " + zone + "; is the zone name right?");
        }
    }

    private static TsigSigner signer(TsigKey key, Clock clock) throws SignInException {
        try {
            return new TsigSigner(key, clock);
        } catch (IllegalArgumentException e) {
            throw new SignInException("unusable TSIG key " + key + ": " + e.getMessage());
        }
    }
}
