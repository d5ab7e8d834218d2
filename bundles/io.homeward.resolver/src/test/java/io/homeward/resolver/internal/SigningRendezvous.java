package io.homeward.resolver.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

import io.homeward.kit.dns.TsigSigner;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.TestCredentials;

/** A fake rendezvous: answers each query as the test says, signed with the user's key as the real one signs. */
final class SigningRendezvous implements Upstream {
    final List<Message> asked = new ArrayList<>();
    private final TsigSigner signer;
    private int rcode;
    private Consumer<Message> fill = response -> { };
    private boolean sign = true;
    private IOException failure;

    SigningRendezvous(MutableClock clock) {
        this.signer = new TsigSigner(TestCredentials.of("alice", Fixtures.ZONE).tsigKey(), clock);
    }

    SigningRendezvous answers(int rcode, Consumer<Message> fill) {
        this.rcode = rcode;
        this.fill = fill;
        this.failure = null;
        return this;
    }

    SigningRendezvous unsigned() {
        sign = false;
        return this;
    }

    SigningRendezvous fails(IOException failure) {
        this.failure = failure;
        return this;
    }

    @Override
    public byte[] exchange(byte[] wire) throws IOException {
        Message query = new Message(wire);
        asked.add(query);
        if (failure != null) {
            throw failure;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.getHeader().setRcode(rcode);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        fill.accept(response);
        return sign ? signer.signResponse(response, query.getTSIG()) : response.toWire();
    }

    @Override
    public String toString() {
        return "the fake rendezvous";
    }
}
