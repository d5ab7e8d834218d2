package io.homeward.api.enroll;

import java.util.Objects;

/**
 * One thing a machine elsewhere needs to reach the rendezvous, and what was found.
 *
 * @param subject what was checked, for example "Invite addresses", "DNS listeners", "Enrollment server"
 * @param found   what was found, in words, for example "127.0.0.1:8053, which only this machine reaches"
 * @param ok      whether it serves a machine elsewhere
 * @since 1.0
 */
public record PreflightCheck(String subject, String found, boolean ok) {

    public PreflightCheck {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(found, "found");
    }
}
