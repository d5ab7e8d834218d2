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

    /** The TSIG key with this name (the user's zone name), for verifying a signed message. */
    Optional<TsigKey> key(String keyName);
}
