package io.homeward.api.rendezvous;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The DNS listeners and the TLS certificate agents pin. */
@ProviderType
public interface DnsListenerStatus {

    List<ListenerState> listeners();

    /** SHA-256 fingerprint of the TLS certificate, hex pairs separated by colons. */
    String tlsFingerprint();
}
