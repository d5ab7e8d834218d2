package io.homeward.kerberos.internal.kdc;

import java.util.List;

import io.homeward.api.kerberos.ServiceAcceptor;
import io.homeward.kerberos.internal.store.PrincipalKeyStore;

/**
 * Makes the {@link ServiceAcceptor} that {@code KerberosServices.register} returns: the AP-REQ and SPNEGO validation
 * of package {@code internal.service}, registered as a service of this bundle under this interface. The KDC has made
 * the service's keys before it asks.
 */
public interface AcceptorFactory {

    /**
     * @param store the KDC's keys; the service's current ones are {@code store.find(name)}
     * @param name  the service principal's name components, for example {@code [HTTP, home.alice.members.example]}
     */
    ServiceAcceptor acceptor(PrincipalKeyStore store, List<String> name);
}
