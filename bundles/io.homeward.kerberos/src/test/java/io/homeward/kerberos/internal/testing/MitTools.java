package io.homeward.kerberos.internal.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MIT Kerberos 1.20 as Debian installs it, for the tests that prove this bundle against it; they run wherever the
 * packages are (CI installs them) and are skipped, saying which package is missing, elsewhere.
 */
public final class MitTools {
    public static final Path KINIT = Path.of("/usr/bin/kinit");
    public static final Path KLIST = Path.of("/usr/bin/klist");
    public static final Path KVNO = Path.of("/usr/bin/kvno");
    public static final Path KRB5KDC = Path.of("/usr/sbin/krb5kdc");
    public static final Path KADMIN_LOCAL = Path.of("/usr/sbin/kadmin.local");
    /** The PKINIT pre-authentication plugin, Debian krb5-pkinit. */
    public static final Path PKINIT = Path.of("/usr/lib/x86_64-linux-gnu/krb5/plugins/preauth/pkinit.so");

    private MitTools() {
    }

    /** Skips the test unless every one of these is installed. */
    public static void assumeInstalled(Path... files) {
        Stream.of(files).forEach(file -> assumeTrue(Files.exists(file),
                () -> "MIT Kerberos is not installed here (" + file + "; Debian krb5-user, krb5-kdc, krb5-pkinit)"));
    }
}
