package io.homeward.rendezvous.dns.internal.watch;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** What a long-lived query or a push subscription watches: a name and a type ({@link Type#ANY} for all). */
public record Question(Name name, int type) {

    public boolean matches(Record record) {
        return record.getName().equals(name) && (type == Type.ANY || record.getType() == type);
    }

    public String typeName() {
        return Type.string(type);
    }
}
