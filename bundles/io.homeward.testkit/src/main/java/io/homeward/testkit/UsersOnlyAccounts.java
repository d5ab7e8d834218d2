package io.homeward.testkit;

import java.util.List;
import java.util.Optional;

import io.homeward.api.accounts.AccountException;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.accounts.EnrolledHost;
import io.homeward.api.accounts.KeyScope;
import io.homeward.api.auth.TsigKey;

/**
 * The part of an account service that a test of users alone does not need: no keys, no enrolled hosts. A test double
 * extends it with the users it keeps.
 */
public abstract class UsersOnlyAccounts implements AccountService {

    @Override
    public Optional<TsigKey> key(String keyName) {
        return Optional.empty();
    }

    @Override
    public Optional<KeyScope> scope(String keyName) {
        return Optional.empty();
    }

    @Override
    public EnrolledHost enrollHost(String user, String host) throws AccountException {
        throw new AccountException("this test's accounts keep no hosts");
    }

    @Override
    public boolean removeHost(String user, String host) {
        return false;
    }

    @Override
    public List<EnrolledHost> hosts(String user) {
        return List.of();
    }
}
