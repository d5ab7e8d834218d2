package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Message;

import io.homeward.kit.schedule.Scheduler;

/**
 * Keeps the KDC's {@link KerberosRecords} on the server while this host's KDC runs: publishes them, refreshes them at
 * 75 % of the granted lease (RFC 9664 §4.2), retries a failed UPDATE every {@link #RETRY}, and deletes them on
 * {@link #withdraw}. Every method runs on the scheduler's one thread.
 */
final class KerberosRecordsPublisher {
    static final Duration RETRY = Duration.ofSeconds(30);

    /** Sends one signed UPDATE to the zone's update server. */
    interface Sender {
        UpdateSender.Granted send(Message update, Duration lease) throws UpdateFailure;
    }

    private final KerberosRecords records;
    private final Sender sender;
    private final Duration lease;
    private final Scheduler scheduler;
    private final IntSupplier ids;
    private final Logger log;
    private Scheduler.Scheduled next;
    private boolean published;
    private boolean stopped;

    KerberosRecordsPublisher(KerberosRecords records, Sender sender, Duration lease, Scheduler scheduler,
            IntSupplier ids, Logger log) {
        this.records = records;
        this.sender = sender;
        this.lease = lease;
        this.scheduler = scheduler;
        this.ids = ids;
        this.log = log;
    }

    void publish() {
        next = null;
        if (stopped) {
            return;
        }
        try {
            UpdateSender.Granted granted = sender.send(records.publish(lease, ids.getAsInt()), lease);
            if (!published) {
                log.info("Published the KDC's records _kerberos._tcp/_udp and _kerberos TXT of {}", records.host);
            }
            published = true;
            next = scheduler.schedule(this::publish, granted.lease().multipliedBy(3).dividedBy(4));
        } catch (UpdateFailure failure) {
            log.warn("Could not publish the KDC's records of {}: {}; retrying in {} s", records.host,
                    failure.getMessage(), RETRY.toSeconds());
            next = scheduler.schedule(this::publish, RETRY);
        }
    }

    /** Stops refreshing and deletes the records if they were published. */
    void withdraw() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (published) {
            try {
                sender.send(records.withdraw(ids.getAsInt()), lease);
                log.info("Withdrew the KDC's records of {}", records.host);
            } catch (UpdateFailure failure) {
                log.warn("Could not withdraw the KDC's records of {}: {}; they expire with their lease",
                        records.host, failure.getMessage());
            }
            published = false;
        }
    }
}
