package io.homeward.rendezvous.ca.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo command {@code homeward:ca}: the account CA, its CRL and the certificates it issued. */
@Component(service = CaCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=ca"})
public class CaCommand {
    private final CertificateAuthorityComponent ca;

    @Activate
    public CaCommand(@Reference CertificateAuthorityComponent ca) {
        this.ca = ca;
    }

    public String ca() {
        return ca.report();
    }
}
