package io.homeward.kerberos.internal.client;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.kerberos.HeldTicket;

/**
 * Gogo command {@code homeward:tickets}: the tickets this host holds for services on the user's other hosts (client,
 * server, start, end, encryption type); {@code homeward:tickets get SERVICE HOST} obtains one and says where it came
 * from, or which step failed and why.
 */
@Component(service = TicketsCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=tickets"})
public class TicketsCommand {
    private static final String USAGE = "usage: homeward:tickets [get SERVICE HOST]";

    private final ServiceTicketsComponent tickets;

    @Activate
    public TicketsCommand(@Reference ServiceTicketsComponent tickets) {
        this.tickets = tickets;
    }

    public String tickets() {
        return table(tickets.tickets());
    }

    public String tickets(String action, String service, String host) throws InterruptedException {
        if (!"get".equals(action.toLowerCase(Locale.ROOT))) {
            return USAGE;
        }
        Duration wait = tickets.longestWait();
        try {
            ServiceTicketClient.Obtained obtained = tickets.obtain(service, host).timeout(wait.toMillis())
                    .getValue();
            HeldTicket held = obtained.ticket().held();
            return held.server() + " " + obtained.source() + "\n" + table(List.of(held));
        } catch (InvocationTargetException e) {
            Throwable why = e.getCause();
            return "no ticket for " + service + "/" + host + ": " + (why instanceof TimeoutException
                    ? "no answer within " + wait.toSeconds() + " s" : why.getMessage());
        }
    }

    static String table(List<HeldTicket> held) {
        if (held.isEmpty()) {
            return "no tickets held";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-28s %-56s %-20s %-20s %s%n", "client",
                "server", "start", "end", "enctype"));
        for (HeldTicket ticket : held) {
            text.append(String.format(Locale.ROOT, "%-28s %-56s %-20s %-20s %s%n", ticket.client(), ticket.server(),
                    ticket.start(), ticket.end(), ticket.encryption()));
        }
        return text.toString().stripTrailing();
    }
}
