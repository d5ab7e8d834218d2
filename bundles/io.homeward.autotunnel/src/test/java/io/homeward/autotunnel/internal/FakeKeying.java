package io.homeward.autotunnel.internal;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

import io.homeward.api.keying.KeyingListener;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;

/** A key exchange the test answers by hand: each key and probe request waits on a deferred the test resolves. */
final class FakeKeying implements TunnelKeying {
    record Closed(Inet6Address peer, String reason) {
    }

    final PromiseFactory promises = new PromiseFactory(PromiseFactory.inlineExecutor());
    final List<Inet6Address> keyed = new CopyOnWriteArrayList<>();
    final List<Deferred<KeyingStatus>> keys = new ArrayList<>();
    final List<Closed> closed = new ArrayList<>();
    final List<Deferred<Duration>> probes = new ArrayList<>();
    /** When set, a probe is answered at once with it. */
    Promise<Duration> probeAnswer;
    /** When set, a key request is answered at once with it. */
    Promise<KeyingStatus> keyAnswer;
    volatile List<KeyingStatus> status = List.of();

    @Override
    public synchronized Promise<KeyingStatus> key(Inet6Address peer) {
        keyed.add(peer);
        if (keyAnswer != null) {
            return keyAnswer;
        }
        Deferred<KeyingStatus> deferred = promises.deferred();
        keys.add(deferred);
        return deferred.getPromise();
    }

    @Override
    public synchronized boolean close(Inet6Address peer, String reason) {
        closed.add(new Closed(peer, reason));
        return true;
    }

    @Override
    public synchronized Promise<Duration> probe(Inet6Address peer) {
        if (probeAnswer != null) {
            return probeAnswer;
        }
        Deferred<Duration> deferred = promises.deferred();
        probes.add(deferred);
        return deferred.getPromise();
    }

    @Override
    public List<KeyingStatus> status() {
        return status;
    }

    @Override
    public void addKeyingListener(KeyingListener listener) {
        throw new AssertionError("the autotunnel listens to no keying change");
    }

    @Override
    public void removeKeyingListener(KeyingListener listener) {
        throw new AssertionError("the autotunnel listens to no keying change");
    }
}
