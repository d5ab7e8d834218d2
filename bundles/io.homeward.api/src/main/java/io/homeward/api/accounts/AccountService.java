package io.homeward.api.accounts;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.homeward.api.auth.TsigKey;

/**
 * The rendezvous' users. Only keys derived from the passwords (PBKDF2-HMAC-SHA256, salt = the zone) are stored, never passwords.
 */
@ProviderType
public interface AccountService {

    /** The domain under which every user gets a zone, absolute, for example {@code members.example.}. */
    String domain();

    /** Creates a user and its zone; refuses an existing user or a name that is not a DNS label. */
    Account addUser(String user, char[] password) throws AccountException;

    /** Replaces the user's key with one derived from the new password. */
    Account setPassword(String user, char[] password) throws AccountException;

    /** Removes the user and its zone; false if there was no such user. */
    boolean removeUser(String user) throws AccountException;

    List<Account> users();

    /**
     * The TSIG key with this name, for verifying a signed message: a user's master key (named after the zone) or an
     * enrolled host's key (named after the host, see {@link #scope(String)}).
     */
    Optional<TsigKey> key(String keyName);

    /**
     * What a key may change: its zone and, for a host key, the one host whose names it may write
     * (docs/enrollment.md, "Per-host keys"); empty for an unknown key.
     *
     * @since 2.1
     */
    Optional<KeyScope> scope(String keyName);

    /**
     * Gives the host a TSIG key of its own, named after the host ({@code laptop.alice.members.example.}), replacing
     * the one it had; refuses an unknown user or a host name that is not a DNS label.
     *
     * @since 2.1
     */
    EnrolledHost enrollHost(String user, String host) throws AccountException;

    /**
     * Deletes the host's key at once (its next signed message gets BADKEY); listeners are told so they can remove the
     * host's records and close its subscriptions. False if the host had no key.
     *
     * @since 2.1
     */
    boolean removeHost(String user, String host) throws AccountException;

    /**
     * The user's enrolled hosts, sorted by host name; empty for an unknown user.
     *
     * @since 2.1
     */
    List<EnrolledHost> hosts(String user);
}
