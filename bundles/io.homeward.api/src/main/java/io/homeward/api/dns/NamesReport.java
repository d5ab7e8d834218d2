package io.homeward.api.dns;

import java.util.List;

/**
 * The name server for the user's zone as an operator sees it: what {@code homeward:names} prints and the console shows.
 *
 * @param zone           the user's zone, or why there is none
 * @param hostName       this host's name
 * @param held           how many names the directory answers for
 * @param listening      where the name server listens, or why it does not
 * @param rendezvous     where forwarded queries go
 * @param lastFailure    why the last forward failed, empty if none did
 * @param systemResolver whether the system resolver sends the zone here
 * @param manualSetup    what to add by hand when it does not, else empty
 * @since 1.3
 */
public record NamesReport(String zone, String hostName, int held, String listening, long directory, long forwarded,
        long forwardFailed, long refused, long malformed, long rateLimited, String rendezvous, String lastFailure,
        String systemResolver, List<String> manualSetup) {

    public NamesReport {
        manualSetup = List.copyOf(manualSetup);
    }

    /** As {@code homeward:names} prints it. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Names: zone ").append(zone).append(", this host ").append(hostName).append(", ").append(held)
                .append(held == 1 ? " name" : " names").append(" from the directory\n");
        text.append("  listening:       ").append(listening).append('\n');
        text.append("  answered:        ").append(directory).append(" from the directory, ").append(forwarded)
                .append(" forwarded to ").append(rendezvous).append(", ").append(forwardFailed)
                .append(" not answered by it (SERVFAIL), ").append(refused).append(" refused, ").append(malformed)
                .append(" malformed, ").append(rateLimited).append(" over the rate limit\n");
        if (!lastFailure.isEmpty()) {
            text.append("  last failure:    ").append(lastFailure).append('\n');
        }
        text.append("  system resolver: ").append(systemResolver).append('\n');
        if (!manualSetup.isEmpty()) {
            text.append("  to resolve the zone's names system-wide, add\n");
            manualSetup.forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }
}
