package io.homeward.kerberos.internal.kdc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.kit.files.SecretFiles;

/**
 * Gogo command {@code homeward:kdc}: this host's KDC (realm, where it listens, principals, tickets issued, errors by
 * code), or why it does not run; {@code homeward:kdc keytab SERVICE FILE} writes a service's keys as an MIT keytab (0600)
 * for a service on this host that runs outside the framework.
 */
@Component(service = KdcCommand.class, property = {
        "osgi.command.scope=homeward",
        "osgi.command.function=kdc"})
public class KdcCommand {
    private final KdcComponent kdc;

    @Activate
    public KdcCommand(@Reference KdcComponent kdc) {
        this.kdc = kdc;
    }

    public String kdc() {
        return KdcText.render(kdc.status(), kdc.frontDoorCounts());
    }

    public String kdc(String action, String service, String file) {
        if (!action.equals("keytab")) {
            return "Usage: kdc | kdc keytab SERVICE FILE";
        }
        Optional<byte[]> keytab = kdc.exportKeytab(service);
        if (keytab.isEmpty()) {
            return "No service " + service + " is registered with the KDC of " + kdc.realm() + ".";
        }
        Path target = Path.of(file).toAbsolutePath();
        try {
            SecretFiles.writeThenWipe(target, keytab.get());
        } catch (IOException e) {
            return "Could not write " + target + ": " + e.getMessage();
        }
        return "Wrote the keys of " + service + "/" + kdc.realm().toLowerCase(Locale.ROOT) + "@" + kdc.realm()
                + " to " + target + " (MIT keytab, owner-only).";
    }
}
