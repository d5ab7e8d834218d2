package io.homeward.api.rendezvous;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The zones of the rendezvous and what is in them, for console pages and shell commands. */
@ProviderType
public interface ZoneDirectory {

    List<ZoneSummary> zones();

    /** The stored records of one zone, sorted by name and type; empty for an unknown zone. */
    List<ZoneRecord> records(String zone);
}
