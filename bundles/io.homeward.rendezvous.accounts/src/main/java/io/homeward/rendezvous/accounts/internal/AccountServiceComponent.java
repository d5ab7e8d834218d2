package io.homeward.rendezvous.accounts.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Collection;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.kit.data.DataDirectory;
import io.homeward.kit.text.DnsLabel;

/**
 * The rendezvous' accounts, stored in {@code accounts/accounts.tsv} of the data directory; announces
 * added and removed users to every {@link AccountListener} service.
 */
@Component(service = AccountService.class, configurationPid = AccountServiceComponent.PID,
        property = ProviderProperties.NAME + "=file-accounts")
@Designate(ocd = AccountServiceComponent.Config.class)
public class AccountServiceComponent implements AccountService {
    static final String PID = "io.homeward.rendezvous.accounts";

    @ObjectClassDefinition(name = "Homeward rendezvous accounts",
            description = "Users of the rendezvous; each gets a DNS zone under the domain.")
    public @interface Config {
        @AttributeDefinition(name = "Domain", description = "Domain under which every user gets a zone (alice ->"
                + " alice.<domain>). Must be delegated to this rendezvous in the public DNS for agents elsewhere to"
                + " find it. Changing it later keeps existing users in their old zones.")
        String domain() default "members.example.";
    }

    private final BundleContext context;
    private final Logger log;
    private final AccountBook book;

    @Activate
    public AccountServiceComponent(@Reference(service = LoggerFactory.class) Logger log, BundleContext context, Config config) {
        this.log = log;
        this.context = context;
        Path directory = DataDirectory.resolve(context, "accounts", log);
        this.book = new AccountBook(domain(config.domain()), new AccountFile(directory.resolve("accounts.tsv")),
                new HostKeyFile(directory.resolve("hosts.tsv")), new SecureRandom(), Clock.systemUTC(), log,
                new Announcer());
    }

    @Override
    public String domain() {
        return book.domain();
    }

    @Override
    public Account addUser(String user, char[] password) throws AccountException {
        return book.addUser(user, password);
    }

    @Override
    public Account setPassword(String user, char[] password) throws AccountException {
        return book.setPassword(user, password);
    }

    @Override
    public boolean removeUser(String user) throws AccountException {
        return book.removeUser(user);
    }

    @Override
    public List<Account> users() {
        return book.users();
    }

    @Override
    public Optional<TsigKey> key(String keyName) {
        return book.key(keyName);
    }

    @Override
    public Optional<KeyScope> scope(String keyName) {
        return book.scope(keyName);
    }

    @Override
    public EnrolledHost enrollHost(String user, String host) throws AccountException {
        return book.enrollHost(user, host);
    }

    @Override
    public boolean removeHost(String user, String host) throws AccountException {
        return book.removeHost(user, host);
    }

    @Override
    public List<EnrolledHost> hosts(String user) {
        return book.hosts(user);
    }

    /** The configured domain, absolute and in lower case; refused unless every label is a valid host label. */
    static String domain(String configured) {
        String domain = configured.trim().toLowerCase(Locale.ROOT);
        String relative = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        for (String label : relative.split("\\.", -1)) {
            Optional<String> problem = DnsLabel.problem(label);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("domain '" + configured + "' is not a DNS name: " + problem.get());
            }
        }
        return relative + ".";
    }

    /**
     * Tells every listener, one failing listener not keeping the others from hearing. Listeners are
     * looked up when there is news rather than bound by DS: the DNS server is both a listener and a
     * user of this service, and binding each other at activation would be a reference cycle.
     */
    private final class Announcer implements AccountListener {
        @Override
        public void accountAdded(Account account) {
            announce(account, AccountListener::accountAdded, "the new user");
        }

        @Override
        public void accountRemoved(Account account) {
            announce(account, AccountListener::accountRemoved, "the removed user");
        }

        @Override
        public void passwordChanged(Account account) {
            announce(account, AccountListener::passwordChanged, "the password change of");
        }

        @Override
        public void hostEnrolled(EnrolledHost host) {
            announce(host, AccountListener::hostEnrolled, "the enrolled host");
        }

        @Override
        public void hostRemoved(EnrolledHost host) {
            announce(host, AccountListener::hostRemoved, "the removed host");
        }

        private <T> void announce(T subject, BiConsumer<AccountListener, T> event, String what) {
            Collection<ServiceReference<AccountListener>> refs;
            try {
                refs = context.getServiceReferences(AccountListener.class, null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException("no filter was given", e);
            }
            for (ServiceReference<AccountListener> ref : refs) {
                AccountListener listener = context.getService(ref);
                if (listener == null) {
                    continue;
                }
                try {
                    event.accept(listener, subject);
                } catch (RuntimeException e) {
                    log.error("account listener {} failed on {} {}", listener.getClass().getName(), what, subject, e);
                } finally {
                    context.ungetService(ref);
                }
            }
        }
    }
}
