package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.HostRecordSet;

/** Stands in for the update client while the configuration has errors, so the status says what to fix. */
final class MisconfiguredSender implements UpdateSender {
    private final String reason;

    MisconfiguredSender(List<String> problems) {
        this.reason = "configuration io.homeward.registrar is invalid: " + String.join("; ", problems);
    }

    @Override
    public Granted publish(Credentials signedIn, HostRecordSet set, Optional<HostRecordSet> previous, Duration lease)
            throws UpdateFailure {
        throw new UpdateFailure(reason);
    }

    @Override
    public void withdraw(Credentials signedIn, HostRecordSet set) throws UpdateFailure {
        throw new UpdateFailure(reason);
    }
}
