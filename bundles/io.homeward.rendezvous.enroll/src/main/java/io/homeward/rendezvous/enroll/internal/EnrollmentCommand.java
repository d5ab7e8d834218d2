package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.accounts.AccountException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.rendezvous.enroll.internal.Machines.Machine;
import io.homeward.rendezvous.enroll.internal.Machines.NewInvite;
import io.homeward.rendezvous.enroll.internal.Machines.UserMachines;

/**
 * Gogo shell commands for machines (docs/enrollment.md): {@code homeward:invite [HOSTNAME] [--valid 1h]
 * [--user NAME]}, {@code homeward:revoke HOST} and {@code homeward:hosts [USER]}. Each returns what happened.
 */
@Component(service = EnrollmentCommand.class, property = {
    "osgi.command.scope=homeward",
    "osgi.command.function=invite",
    "osgi.command.function=revoke",
    "osgi.command.function=hosts",
})
public class EnrollmentCommand {
    private static final String INVITE_USAGE = "usage: homeward:invite [HOSTNAME] [--valid 1h] [--user NAME]";

    private final Machines machines;

    @Activate
    public EnrollmentCommand(@Reference EnrollmentServerComponent server) {
        this(server.machines());
    }

    EnrollmentCommand(Machines machines) {
        this.machines = machines;
    }

    public String invite(String... arguments) {
        Optional<String> host = Optional.empty();
        Optional<String> user = Optional.empty();
        Duration validity = InviteBook.DEFAULT_VALIDITY;
        try {
            for (int i = 0; i < arguments.length; i++) {
                String argument = arguments[i];
                if (argument.equals("--valid") || argument.equals("--user")) {
                    if (i + 1 == arguments.length) {
                        return "invite: " + argument + " needs a value; " + INVITE_USAGE;
                    }
                    String value = arguments[++i];
                    if (argument.equals("--valid")) {
                        validity = Validity.parse(value);
                    } else {
                        user = Optional.of(value);
                    }
                } else if (argument.startsWith("-") || host.isPresent()) {
                    return "invite: unexpected '" + argument + "'; " + INVITE_USAGE;
                } else {
                    host = Optional.of(argument);
                }
            }
            NewInvite made = machines.invite(user, host, validity);
            return "invite for " + made.forWhom() + ", valid until " + made.invite().expires() + " ("
                    + Validity.text(validity) + ", once):\n  " + made.code() + "\non the new machine run:\n  "
                    + made.joinCommand() + "\n";
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "invite: " + e.getMessage();
        } catch (IOException e) {
            return "invite: cannot store the invite: " + e.getMessage();
        }
    }

    public String revoke(String host) {
        try {
            return machines.revoke(host);
        } catch (IllegalArgumentException e) {
            return "revoke: " + e.getMessage();
        } catch (AccountException e) {
            return "revoke: its certificates are revoked, but its host key could not be deleted: " + e.getMessage();
        }
    }

    public String hosts() {
        return hosts(Optional.empty());
    }

    public String hosts(String user) {
        return hosts(Optional.of(user));
    }

    private String hosts(Optional<String> user) {
        StringBuilder out = new StringBuilder();
        try {
            for (UserMachines u : machines.list(user)) {
                out.append(u.account().user()).append(" (").append(u.account().zone()).append(")\n");
                if (u.machines().isEmpty()) {
                    out.append("  no enrolled hosts\n");
                }
                for (Machine m : u.machines()) {
                    out.append(String.format("  %-20s key %s%n", m.host(), m.key().map(k -> "since "
                            + k.enrolled()).orElse("none")));
                    for (HostCertificate c : m.certificates()) {
                        out.append(String.format("    certificate %s until %s%s%n", c.serial().toString(16),
                                c.notAfter(), c.revoked().map(r -> ", revoked " + r).orElse("")));
                    }
                }
                for (Invite i : u.invites()) {
                    out.append(String.format("  invite %s for %s until %s%n", i.id(), i.hostText(), i.expires()));
                }
            }
        } catch (IllegalArgumentException e) {
            return "hosts: " + e.getMessage();
        }
        return out.length() == 0 ? "no users yet: add one with homeward:useradd NAME" : out.toString();
    }
}
