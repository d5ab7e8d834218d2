package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.Optional;

import io.homeward.api.auth.Credentials;
import io.homeward.api.registration.HostRecordSet;

/** Sends the registrar's UPDATEs; the engine only decides when and what. */
interface UpdateSender {
    /** What the server granted and who it was. */
    record Granted(Duration lease, String server) {
    }

    /** Replaces the host's records with {@code set} (and removes {@code previous}'s names). */
    Granted publish(Credentials signedIn, HostRecordSet set, Optional<HostRecordSet> previous, Duration lease)
            throws UpdateFailure;

    /** Deletes every record {@code set} owns. */
    void withdraw(Credentials signedIn, HostRecordSet set) throws UpdateFailure;
}
