package io.homeward.api.kerberos;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * This host's KDC as the services on the host see it. A service bundle registers its principal (for example
 * {@code HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE}) when the KDC answers ({@link KdcListener}) and
 * closes the acceptor when it stops or the KDC does; the KDC makes and keeps the service's keys and issues tickets for
 * it.
 *
 * @since 1.0
 */
@ProviderType
public interface KerberosServices {

    /** The realm of this host's KDC: the host's fully qualified name in upper case, without the final dot. */
    String realm();

    /**
     * Registers the service {@code service/<this host's name>} in this host's realm and returns the acceptor that
     * validates what clients present to it. Registering a service that is registered already returns another
     * acceptor for the same principal and keys.
     *
     * @param service the service part of the principal, for example {@code HTTP}, {@code host} or {@code cifs}
     * @throws IllegalArgumentException if the name is empty, has a {@code /} or {@code @}, or is not printable ASCII
     * @throws IllegalStateException if the KDC does not run (see {@link #status()}); a service registers when a
     *         {@link KdcListener} hears the realm
     */
    ServiceAcceptor register(String service);

    /**
     * The service's keys in the MIT keytab format (version 0x502), for a service on this host that does not run in
     * the framework; empty if the service is not registered.
     */
    java.util.Optional<byte[]> exportKeytab(String service);

    /** What the KDC is doing, for the shell and the console. */
    KdcStatus status();

    /** The services registered now, by their principal's text form. */
    List<String> services();

    /**
     * Tells the listener, from now on, when the KDC starts or stops answering; if it answers already, the listener
     * is told its realm at once (on the KDC's thread). The service is there while the KDC does not answer too (not
     * signed in, for example): {@link #status()} says why.
     *
     * @since 1.0
     */
    void addKdcListener(KdcListener listener);

    /**
     * Tells the listener nothing more.
     *
     * @since 1.0
     */
    void removeKdcListener(KdcListener listener);
}
