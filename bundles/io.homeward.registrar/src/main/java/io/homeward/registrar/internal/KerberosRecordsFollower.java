package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.osgi.service.log.Logger;

import io.homeward.api.kerberos.KdcListener;
import io.homeward.kit.schedule.Scheduler;

/**
 * Keeps the {@link KerberosRecords} of the realm this host's KDC answers for (docs/kerberos.md "Finding the KDC"):
 * when the KDC starts answering, that realm's records are published and refreshed; when it stops (signed out, or a
 * renamed host's KDC leaving the old realm before it answers for the new one) they are deleted. Every step runs on
 * the scheduler's one thread.
 */
final class KerberosRecordsFollower implements KdcListener {
    private final String zone;
    private final KerberosRecordsPublisher.Sender sender;
    private final Duration lease;
    private final Scheduler scheduler;
    private final IntSupplier ids;
    private final Logger log;
    private KerberosRecordsPublisher current;
    private boolean stopped;

    KerberosRecordsFollower(String zone, KerberosRecordsPublisher.Sender sender, Duration lease, Scheduler scheduler,
            IntSupplier ids, Logger log) {
        this.zone = zone;
        this.sender = sender;
        this.lease = lease;
        this.scheduler = scheduler;
        this.ids = ids;
        this.log = log;
    }

    /** Called on the KDC's thread: the work is handed to this follower's own. */
    @Override
    public void kdcChanged(Optional<String> realm) {
        scheduler.execute(() -> follow(realm));
    }

    /** Deletes the records published and follows the KDC no more. */
    void stop() {
        stopped = true;
        withdraw();
    }

    private void follow(Optional<String> realm) {
        if (stopped) {
            return;
        }
        withdraw();
        if (realm.isEmpty()) {
            return;
        }
        KerberosRecords records;
        try {
            records = KerberosRecords.ofRealm(zone, realm.get());
        } catch (IllegalArgumentException e) {
            log.error("The KDC's records are not published: {}", e.getMessage());
            return;
        }
        current = new KerberosRecordsPublisher(records, sender, lease, scheduler, ids, log);
        current.publish();
    }

    private void withdraw() {
        if (current != null) {
            current.withdraw();
            current = null;
        }
    }
}
