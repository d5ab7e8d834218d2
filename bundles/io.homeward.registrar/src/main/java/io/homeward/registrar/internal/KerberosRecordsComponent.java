package io.homeward.registrar.internal;

import java.security.SecureRandom;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.auth.Credentials;
import io.homeward.api.kerberos.KerberosServices;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * Publishes the records that find this host's KDC ({@link KerberosRecords}) while the KDC answers and the host is
 * signed in: it listens to {@link KerberosServices} ({@link KerberosRecordsFollower}), so the records follow the KDC
 * starting, stopping and answering for a renamed host's realm; a runtime without the KDC bundle publishes nothing.
 * With the registrar's configuration (update server, pin, lease) and the host's key. Owns one thread.
 */
@Component(configurationPid = "io.homeward.registrar")
public class KerberosRecordsComponent {
    private final Logger log;
    private final KerberosServices kdc;
    private final ExecutorScheduler thread;
    private final Duration stopWait;
    private final KerberosRecordsFollower follower;

    @Activate
    public KerberosRecordsComponent(@Reference(service = LoggerFactory.class) Logger log,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            KerberosServices kdc,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Credentials credentials, RegistrarComponent.Config config) {
        this.log = log;
        this.kdc = kdc;
        RegistrarSettings settings = RegistrarSettings.parse(config.server(), config.dnsServer(),
                config.tlsFingerprint(), config.leaseSeconds(), config.timeoutSeconds());
        this.stopWait = settings.timeout().multipliedBy(4).plusSeconds(1);
        if (kdc == null || credentials == null) {
            // No KDC (the bundle is not installed) or not signed in: nothing to publish. Both references are static
            // and greedy: the component starts again when either comes or goes.
            this.thread = null;
            this.follower = null;
            return;
        }
        if (!settings.problems().isEmpty()) {
            log.error("Configuration io.homeward.registrar is invalid, the KDC's records are not published: {}",
                    settings.problems());
            this.thread = null;
            this.follower = null;
            return;
        }
        this.thread = new ExecutorScheduler("homeward-registrar-kerberos", log);
        UpdateClient client = RegistrarComponent.updateClient(settings, log);
        SecureRandom random = new SecureRandom();
        this.follower = new KerberosRecordsFollower(credentials.zone(),
                (update, lease) -> client.send(credentials, update, credentials.zone(), lease), settings.lease(),
                thread, () -> random.nextInt(0x10000), log);
        kdc.addKdcListener(follower);
    }

    /** Deletes the records (bounded by the configured timeout) and stops the thread. */
    @Deactivate
    void deactivate() {
        if (thread == null) {
            return;
        }
        kdc.removeKdcListener(follower);
        thread.execute(follower::stop);
        try {
            if (!thread.shutdown(stopWait)) {
                log.warn("The KDC's records could not be withdrawn within {} s; they expire with their lease",
                        stopWait.toSeconds());
                thread.stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.stopNow();
        }
    }
}
