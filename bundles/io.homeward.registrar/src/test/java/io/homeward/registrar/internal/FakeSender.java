package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.HostRecordSet;

/** Records what the engine sends; answers with the asked lease, or with the failures queued by a test. */
final class FakeSender implements UpdateSender {
    record Call(String kind, HostRecordSet set, Optional<HostRecordSet> previous, Duration lease) {
    }

    final List<Call> calls = new ArrayList<>();
    final Deque<String> failures = new ArrayDeque<>();
    Duration grant;

    @Override
    public Granted publish(Credentials signedIn, HostRecordSet set, Optional<HostRecordSet> previous, Duration lease)
            throws UpdateFailure {
        calls.add(new Call("publish", set, previous, lease));
        fail();
        return new Granted(grant != null ? grant : lease, "127.0.0.1:8853");
    }

    @Override
    public void withdraw(Credentials signedIn, HostRecordSet set) throws UpdateFailure {
        calls.add(new Call("withdraw", set, Optional.empty(), Duration.ZERO));
        fail();
    }

    private void fail() throws UpdateFailure {
        if (!failures.isEmpty()) {
            throw new UpdateFailure(failures.poll());
        }
    }

    List<Call> publishes() {
        return calls.stream().filter(c -> c.kind().equals("publish")).toList();
    }
}
