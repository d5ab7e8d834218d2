package io.homeward.rendezvous.accounts.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;

/** Keeps every announcement as "added alice" or "removed alice". */
final class RecordingListener implements AccountListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void accountAdded(Account account) {
        events.add("added " + account.user());
    }

    @Override
    public void accountRemoved(Account account) {
        events.add("removed " + account.user());
    }
}
