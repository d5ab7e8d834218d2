package io.homeward.console.guard.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * The guard's state and decisions, shared by the filter in the console's context ({@link CrossSiteFilter}), the
 * preprocessor in front of its login ({@link LoginThrottle}) and the shell ({@link GuardCommand}). Logs what it
 * refused as one summary line per interval, on a thread it owns.
 */
@Component(service = ConsoleGuardComponent.class, configurationPid = "io.homeward.console.guard")
@Designate(ocd = ConsoleGuardComponent.Config.class)
public class ConsoleGuardComponent {
    @ObjectClassDefinition(name = "Homeward console guard",
            description = "Protects the web console against pages of other sites (cross-site requests, framing) "
                    + "and against password guessing.")
    public @interface Config {
        @AttributeDefinition(description = "Further origins (scheme://host:port) whose pages may change things, for "
                + "a console reached through a reverse proxy; the console's own origin is always allowed.")
        String[] trustedOrigins() default {};

        @AttributeDefinition(description = "Failed logins from one address before it is slowed down.")
        int freeFailures() default 3;

        @AttributeDefinition(description = "Seconds an address waits after its first failure beyond the free ones; "
                + "each further failure doubles it.")
        int firstPenaltySeconds() default 1;

        @AttributeDefinition(description = "The longest an address is made to wait, in seconds.")
        int longestPenaltySeconds() default 60;

        @AttributeDefinition(description = "Minutes without a failure after which an address's failures are forgotten.")
        int forgetFailuresAfterMinutes() default 15;

        @AttributeDefinition(description = "Seconds between the log's summary lines of refused requests and failed logins.")
        int summaryIntervalSeconds() default 60;
    }

    private final Logger log;
    private final ChangeRule changes;
    private final LoginTokens tokens;
    private final LoginPenalties penalties;
    private final GuardLedger ledger = new GuardLedger();
    private final Clock clock;
    private final Duration summaryInterval;
    private final ExecutorScheduler summaries = new ExecutorScheduler("homeward-console-guard");

    @Activate
    public ConsoleGuardComponent(@Reference(service = LoggerFactory.class) Logger log, Config config) {
        this(log, config, Clock.systemUTC());
    }

    ConsoleGuardComponent(Logger log, Config config, Clock clock) {
        this.log = log;
        this.changes = new ChangeRule(List.of(config.trustedOrigins()));
        this.tokens = LoginTokens.random();
        this.clock = clock;
        this.penalties = new LoginPenalties(new LoginPenalties.Settings(Math.max(0, config.freeFailures()),
                Duration.ofSeconds(Math.max(1, config.firstPenaltySeconds())),
                Duration.ofSeconds(Math.max(1, config.longestPenaltySeconds())),
                Duration.ofMinutes(Math.max(1, config.forgetFailuresAfterMinutes()))), clock);
        this.summaryInterval = Duration.ofSeconds(Math.max(1, config.summaryIntervalSeconds()));
        if (changes.trusted().size() < config.trustedOrigins().length) {
            log.warn("Console guard: ignoring trustedOrigins that are not http(s) origins: {}", List.of(config.trustedOrigins()));
        }
        log.info("Console guard: changes only from {}; logins slowed after {} failures (up to {} s)",
                origins(changes.trusted()), penalties.settings().free(), penalties.settings().longest().toSeconds());
        summaries.schedule(this::summarise, summaryInterval);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (!summaries.shutdown(Duration.ofSeconds(5))) {
            log.warn("Console guard: the summary thread did not stop within 5 s");
        }
        ledger.closeWindow("before stopping").ifPresent(log::warn);
    }

    String tokenFor(String credentials) {
        return tokens.tokenFor(credentials);
    }

    boolean tokenMatches(String credentials, Collection<String> presented) {
        return tokens.matches(credentials, presented);
    }

    /** Judges a state-changing request (see {@link ChangeRule#judge}) and counts the outcome. */
    Optional<Refusal> judgeChange(String self, String origin, String referer, boolean tokenValid, String method,
            String path, String address) {
        Optional<Refusal> refusal = changes.judge(self, origin, referer, tokenValid);
        if (refusal.isPresent()) {
            ledger.changeRefused(new GuardLedger.RefusedChange(clock.instant(), refusal.get(), method, path, address,
                    origin != null ? "Origin " + origin : referer != null ? "Referer " + referer : null));
        } else {
            ledger.changeAccepted();
        }
        return refusal;
    }

    /** How long the address must still wait before it may try a login; counts the refusal when it must. */
    Optional<Duration> loginRefusal(String address) {
        Optional<Duration> left = penalties.remaining(address);
        left.ifPresent(l -> ledger.refusedWhilePenalised());
        return left;
    }

    void loginFailed(String address) {
        penalties.failed(address);
        ledger.loginFailed(address);
    }

    void loginSucceeded(String address) {
        penalties.succeeded(address);
    }

    /** The guard's state for {@code homeward:guard}. */
    String report() {
        LoginPenalties.Settings s = penalties.settings();
        StringBuilder out = new StringBuilder("Console guard (configuration PID io.homeward.console.guard)\n")
                .append("changes allowed from: ").append(origins(changes.trusted())).append(" with the login's token\n")
                .append("logins: ").append(s.free()).append(" free failures per address, then ")
                .append(s.first().toSeconds()).append(" s doubling up to ").append(s.longest().toSeconds()).append(" s\n")
                .append(ledger.totals());
        List<LoginPenalties.Penalised> now = penalties.penalised();
        out.append(now.isEmpty() ? "penalised now: none\n" : "penalised now:\n");
        now.forEach(p -> out.append("  ").append(p.address()).append(": ").append(p.failures()).append(" failures, ")
                .append(Math.max(1, p.left().toSeconds())).append(" s left\n"));
        return out.toString();
    }

    private void summarise() {
        ledger.closeWindow("last " + summaryInterval.toSeconds() + " s").ifPresent(log::warn);
        summaries.schedule(this::summarise, summaryInterval);
    }

    private static String origins(Collection<String> trusted) {
        return trusted.isEmpty() ? "the console's own origin"
                : "the console's own origin and " + trusted.stream().sorted().collect(Collectors.joining(", "));
    }
}
