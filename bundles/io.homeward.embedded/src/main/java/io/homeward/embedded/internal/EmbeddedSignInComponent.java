package io.homeward.embedded.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.kit.data.DataDirectory;

/**
 * In the all-in-one runtime, signs the local agent in to the local rendezvous on first start (see
 * {@link FirstStart}). Waits, without failing, until accounts, the DNS listeners and Configuration
 * Admin are all there. As an {@link AccountListener} it forgets the stored password once the user changes it.
 */
@Component(immediate = true, service = AccountListener.class)
public class EmbeddedSignInComponent implements AccountListener {
    private static final long STOP_WAIT_SECONDS = 5;
    private static final long RETRY_SECONDS = 5;

    private final Logger log;
    private final FirstStart firstStart;
    private final ScheduledExecutorService worker;

    private volatile AccountService accounts;
    private volatile DnsListenerStatus listeners;
    private volatile ConfigurationAdmin configurationAdmin;
    private volatile boolean done;

    /** The first start's marker goes to {@code embedded/} of the data directory, its password file beside it. */
    @Activate
    public EmbeddedSignInComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        Path data = DataDirectory.resolve(context, "embedded", log).getParent();
        this.firstStart = new FirstStart(data, System.getProperty("user.name"), new SecureRandom(), Clock.systemUTC(),
                log);
        this.done = firstStart.isDone();
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "homeward-embedded-signin");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindAccounts(AccountService service) {
        accounts = service;
        attempt();
    }

    void unbindAccounts(AccountService service) {
        if (accounts == service) {
            accounts = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindListeners(DnsListenerStatus service) {
        listeners = service;
        attempt();
    }

    void unbindListeners(DnsListenerStatus service) {
        if (listeners == service) {
            listeners = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigurationAdmin(ConfigurationAdmin service) {
        configurationAdmin = service;
        attempt();
    }

    void unbindConfigurationAdmin(ConfigurationAdmin service) {
        if (configurationAdmin == service) {
            configurationAdmin = null;
        }
    }

    /**
     * Bound after construction (DS 1.4 §112.5.8), so the worker exists; the work runs off the SCR
     * thread and is retried while the rendezvous' TLS listener is not up yet.
     */
    private void attempt() {
        if (!done) {
            submit(() -> worker.execute(this::runOnce));
        }
    }

    private void runOnce() {
        AccountService a = accounts;
        DnsListenerStatus l = listeners;
        ConfigurationAdmin c = configurationAdmin;
        if (done || a == null || l == null || c == null) {
            return;
        }
        done = firstStart.run(a, l, new ConfigAdminSignInConfiguration(c));
        if (!done) {
            submit(() -> worker.schedule(this::runOnce, RETRY_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** Work handed over while deactivating is dropped: the next activation starts over. */
    private static void submit(Runnable handOver) {
        try {
            handOver.run();
        } catch (RejectedExecutionException stopping) {
            return;
        }
    }

    @Override
    public void accountAdded(Account account) {
        // Nothing to do: the first start creates the account it needs itself.
    }

    @Override
    public void accountRemoved(Account account) {
        // Nothing to do: only a password change makes the stored password stale.
    }

    @Override
    public void passwordChanged(Account account) {
        firstStart.passwordChanged(account);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The embedded sign-in thread did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
