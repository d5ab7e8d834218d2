package io.homeward.rendezvous.accounts.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountListener;
import io.homeward.api.accounts.EnrolledHost;

/** Keeps every announcement as "added alice", "removed alice", "password alice", "enrolled laptop.alice.members.example.". */
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

    @Override
    public void passwordChanged(Account account) {
        events.add("password " + account.user());
    }

    @Override
    public void hostEnrolled(EnrolledHost host) {
        events.add("enrolled " + host.fqdn());
    }

    @Override
    public void hostRemoved(EnrolledHost host) {
        events.add("unenrolled " + host.fqdn());
    }
}
