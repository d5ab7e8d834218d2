package io.homeward.signin.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.signin.RenameState;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.text.DnsLabel;

/**
 * Signs the agent in to its rendezvous, or joins it with an invite code, and enrolls it (docs/enrollment.md);
 * registers {@code Credentials} only while signed in and not revoked. A stored sign-in is used at start without a
 * password and verified in the background; a configured password file signs an unattended host in. The
 * certificate is renewed and the account's revocations followed (with the record watcher when there is one).
 */
@Component(service = SignInComponent.class, configurationPid = "io.homeward.signin",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SignInComponent.Config.class)
public class SignInComponent {
    /** How a failed sign-in's line starts. */
    static final String SIGN_IN_FAILED = "Sign-in failed: ";
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);
    /** The rendezvous' services may still be starting (the all-in-one's first start), or down for a while. */
    private final Backoff unattendedRetry = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    @ObjectClassDefinition(name = "Homeward sign-in", description = "Who this agent signs in as at its rendezvous. "
            + "Interactive users can instead run homeward:signin in the shell or use the console's Settings page.")
    public @interface Config {
        @AttributeDefinition(required = false, description = "Your zone at the rendezvous, for example "
                + "alice.members.example. (your user name, then the rendezvous domain).")
        String zone() default "";

        @AttributeDefinition(required = false, description = "Your user name at the rendezvous.")
        String user() default "";

        @AttributeDefinition(required = false, description = "For unattended hosts: a file (readable only by the "
                + "agent's user) whose first line is the password. It is read at sign-in, never copied or logged. "
                + "Leave empty to sign in from the shell or the console page instead.")
        String passwordFile() default "";

        @AttributeDefinition(required = false, description = "host:port of the rendezvous' DNS-over-TLS update "
                + "service, for example rendezvous.example:853. Empty finds it with the SRV record "
                + "_dns-update-tls._tcp.<zone> asked of the DNS server below.")
        String server() default "";

        @AttributeDefinition(description = "host:port of the plain DNS server that answers the SRV lookup above "
                + "(IPv6 as [address]:port).")
        String dnsServer() default "127.0.0.1:8053";

        @AttributeDefinition(required = false, description = "SHA-256 fingerprint of "
                + "the rendezvous' TLS certificate, hex with or without colons (the rendezvous logs it at start). "
                + "Empty accepts the certificate the first time and logs its fingerprint at WARN: copy it here.")
        String tlsFingerprint() default "";

        @AttributeDefinition(required = false, description = "host:port of the rendezvous' enrollment (EST) service, "
                + "for example rendezvous.example:8443. Empty finds it with the SRV record _est._tcp.<zone> asked of "
                + "the DNS server above. A host that joined with an invite code uses the invite's instead.")
        String estServer() default "";
    }

    private final Logger log;
    private final Config config;
    private final ServicePublisher publisher;
    private final ExecutorScheduler worker;
    private final SignInManager manager;
    private final HostIdentity identity;
    private final HostRenaming renaming;
    private volatile ConfigurationAdmin configurationAdmin;

    @Activate
    public SignInComponent(BundleContext context, @Reference(service = LoggerFactory.class) Logger log,
            @Reference HostIdentity identity, Config config) {
        this.log = log;
        this.config = config;
        this.identity = identity;
        this.publisher = new ServicePublisher(context);
        this.worker = new ExecutorScheduler("homeward-signin", log);
        this.manager = new SignInManager(new CredentialsFile(DataDirectory.resolve(context, "signin", log)),
                new TlsKeyProver(Clock.systemUTC(), NETWORK_TIMEOUT), new SrvServerFinder(NETWORK_TIMEOUT),
                new Enroller(Clock.systemUTC(), NETWORK_TIMEOUT), publisher,
                new SignInSettings(hostPort("dnsServer", config.dnsServer(), new HostPort("127.0.0.1", 8053)),
                        estServer(config.estServer()), identity::hostName),
                worker, Clock.systemUTC(), log);
        this.renaming = new HostRenaming(manager::rename, this::setHostName, worker, Clock.systemUTC(),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10)), log);
        // On the worker, not during activation: registering Credentials activates their users (the KDC), which
        // may need this component's other services (RevokedCertificates) — a cycle while it is being activated.
        worker.execute(this::resume);
    }

    private void resume() {
        boolean resumed = manager.resume();
        if (!config.passwordFile().isBlank() && !matchesStored()) {
            signInFromFile();
        } else if (resumed) {
            manager.checkStored();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigurationAdmin(ConfigurationAdmin admin) {
        configurationAdmin = admin;
    }

    void unbindConfigurationAdmin(ConfigurationAdmin admin) {
        if (configurationAdmin == admin) {
            configurationAdmin = null;
        }
    }

    /**
     * The identity again, to hear when its host name changes (its configuration becomes its service properties):
     * an enrolled host then renames itself at the rendezvous. Bound after construction (DS 1.4 §112.5.8).
     */
    @Reference(name = "hostName", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, updated = "hostNameChanged")
    void bindHostName(HostIdentity changed) {
        worker.execute(this::followHostName);
    }

    void hostNameChanged(HostIdentity changed) {
        worker.execute(this::followHostName);
    }

    void unbindHostName(HostIdentity gone) {
        // The identity the component was activated with stays until it is deactivated.
    }

    /** Bound after construction (DS 1.4 §112.5.8), so the manager exists. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindWatcher(RecordWatcher watcher) {
        manager.watch(watcher);
    }

    void unbindWatcher(RecordWatcher watcher) {
        manager.unwatch(watcher);
    }

    /** Signs in with the configured server and pin; the caller clears the password. */
    public String signIn(String zone, String user, char[] password) {
        return signIn(zone, user, password, config.server(), config.tlsFingerprint());
    }

    public String signIn(String zone, String user, char[] password, String server, String pin) {
        try {
            StoredKey stored = manager.signIn(SignInRequest.of(zone, user, server, pin), password);
            return "Signed in as " + stored.user() + " (zone " + stored.zone() + ") at " + stored.server() + ".";
        } catch (IllegalArgumentException | SignInException e) {
            return SIGN_IN_FAILED + e.getMessage();
        }
    }

    /**
     * Joins with an invite code; the answer is one line.
     *
     * @throws SignInException with the one line saying why not (the server's line for refusals)
     */
    public String join(String code) throws SignInException {
        ConfigurationAdmin admin = configurationAdmin;
        StoredKey stored = manager.join(code, Optional.ofNullable(admin).map(ConfigAdminAgentSettings::new));
        return "Joined " + stored.zone() + " as " + stored.key().name() + "; the certificate is valid until "
                + stored.certificate().map(IssuedCertificate::notAfter).map(Object::toString).orElse("?") + ".";
    }

    /**
     * Renames this host (docs/enrollment.md, "Renaming a host"): an enrolled host asks the rendezvous in the
     * background, any other only changes the identity's name.
     *
     * @return what was started or done, in one line
     * @throws SignInException saying why not
     */
    public String rename(String name) throws SignInException {
        String to = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Optional<String> problem = DnsLabel.problem(to);
        if (problem.isPresent()) {
            throw new SignInException("not a host name: " + problem.get());
        }
        if (renaming.running()) {
            RenameState running = renaming.state();
            throw new SignInException("this host is being renamed from " + running.from() + " to " + running.to()
                    + " already: " + running.message());
        }
        Optional<String> enrolled = manager.status().current().flatMap(StoredKey::enrollment)
                .map(StoredKey.Enrollment::host);
        String from = enrolled.orElse(identity.hostName());
        if (to.equals(from) && to.equals(identity.hostName())) {
            throw new SignInException("this host is called " + to + " already");
        }
        if (enrolled.isPresent()) {
            renaming.start(from, to, false);
            return "Renaming " + from + " to " + to + ": asking the rendezvous (homeward:whoami tells how it goes).";
        }
        renaming.renameLocally(from, to);
        RenameState done = renaming.state();
        if (done.phase() == RenameState.Phase.FAILED) {
            throw new SignInException(done.message());
        }
        return "Renamed " + from + " to " + to + "; the registrar withdraws the old names and publishes the new.";
    }

    RenameState renameState() {
        return renaming.state();
    }

    public String signOut() {
        renaming.cancel();
        try {
            return manager.signOut() ? "Signed out; the stored key is removed." : "Not signed in.";
        } catch (IOException e) {
            log.error("Cannot remove the stored key", e);
            return "Signed out, but the stored key could not be removed: " + e.getMessage();
        }
    }

    SignInStatus status() {
        return manager.status();
    }

    RevocationList revocations() {
        return manager.revocations();
    }

    /** An enrolled host whose identity now has another name than its certificate renames itself at the rendezvous. */
    private void followHostName() {
        String wanted = identity.hostName().toLowerCase(Locale.ROOT);
        Optional<String> enrolled = manager.status().current().filter(s -> !manager.status().certificate().revoked())
                .flatMap(StoredKey::enrollment).map(StoredKey.Enrollment::host);
        if (enrolled.isEmpty() || enrolled.get().equalsIgnoreCase(wanted) || renaming.running()) {
            return;
        }
        log.info("The identity's host name is now {}, the certificate's {}: renaming at the rendezvous", wanted,
                enrolled.get());
        renaming.start(enrolled.get(), wanted, true);
    }

    private void setHostName(String name) throws IOException {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            throw new IOException("Configuration Admin is not there");
        }
        new ConfigAdminAgentSettings(admin).hostName(name);
    }

    private boolean matchesStored() {
        return manager.status().current()
                .filter(s -> s.user().equals(config.user().trim()) && s.zone().equals(absolute(config.zone())))
                .isPresent();
    }

    private void signInFromFile() {
        try {
            char[] password = PasswordFile.read(Path.of(config.passwordFile().trim()));
            try {
                manager.signIn(SignInRequest.of(config.zone(), config.user(), config.server(),
                        config.tlsFingerprint()), password);
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (IllegalArgumentException e) {
            log.error("The io.homeward.signin configuration is not usable: {}", e.getMessage());
        } catch (SignInException e) {
            Duration wait = unattendedRetry.next();
            log.error("Unattended sign-in failed: {}; trying again in {} s", e.getMessage(), wait.toSeconds());
            worker.schedule(this::signInFromFile, wait);
        }
    }

    @Deactivate
    void deactivate() {
        renaming.cancel();
        manager.close();
        try {
            if (!worker.shutdown(NETWORK_TIMEOUT.plusSeconds(1))) {
                worker.stopNow();
                log.warn("The sign-in thread did not stop in time");
            }
        } catch (InterruptedException e) {
            worker.stopNow();
            Thread.currentThread().interrupt();
        }
        publisher.withdraw();
    }

    private static String absolute(String zone) {
        String z = zone.trim().toLowerCase(Locale.ROOT);
        return z.endsWith(".") ? z : z + ".";
    }

    private HostPort hostPort(String name, String configured, HostPort fallback) {
        try {
            return HostPort.parse(configured);
        } catch (IllegalArgumentException e) {
            log.error("{} in io.homeward.signin is not usable ({}); using {}", name, e.getMessage(), fallback);
            return fallback;
        }
    }

    private Optional<HostPort> estServer(String configured) {
        if (configured.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(configured));
        } catch (IllegalArgumentException e) {
            log.error("estServer in io.homeward.signin is not usable ({}); finding it by SRV instead", e.getMessage());
            return Optional.empty();
        }
    }
}
