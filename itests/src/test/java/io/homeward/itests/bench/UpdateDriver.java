package io.homeward.itests.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Sends TSIG-signed UPDATEs over UDP at a steady rate, each replacing the AAAA record of a random watched
 * name with the address that carries the update's sequence number; the answers arrive asynchronously.
 */
final class UpdateDriver {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SimpleResolver resolver;
    private final Name zone;
    private final LatencyLog log;
    private final Random random;

    UpdateDriver(InetSocketAddress server, TSIG key, Name zone, LatencyLog log, Random random) {
        this.resolver = new SimpleResolver(server);
        resolver.setTimeout(TIMEOUT);
        resolver.setTSIGKey(key);
        this.zone = zone;
        this.log = log;
        this.random = random;
    }

    /** Sends {@code count} updates, one every 1/rate seconds, to names drawn from {@code names}. */
    void run(List<Name> names, double perSecond, int count) {
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long start = System.nanoTime();
        for (int sequence = 0; sequence < count; sequence++) {
            long due = start + sequence * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send(sequence, names.get(random.nextInt(names.size())));
        }
    }

    private void send(int sequence, Name name) {
        Update update = new Update(zone);
        update.delete(name, Type.AAAA);
        update.add(new AAAARecord(name, DClass.IN, 120, WatchedNames.address(sequence)));
        log.sending(sequence, System.nanoTime());
        resolver.sendAsync(update).whenComplete((response, failure) -> {
            if (response != null) {
                log.answered(sequence, response.getRcode() == Rcode.NOERROR, System.nanoTime());
            }
        });
    }
}
