package io.homeward.api.accounts;

import java.time.Instant;

/**
 * A user of the rendezvous.
 *
 * @param user    the user name, a DNS label
 * @param zone    the user's zone, absolute, for example {@code alice.members.example.}
 * @param created when the account was created
 * @param changed when its password last changed
 */
public record Account(String user, String zone, Instant created, Instant changed) {
}
