package io.homeward.kerberos.internal.client;

import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosPrincipal;
import javax.security.auth.kerberos.KeyTab;

import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The JDK's own GSS-API acceptor (JGSS, an independent implementation of RFC 4121 and RFC 4178) with a service's
 * keytab: what a Java HTTP server behind {@code WWW-Authenticate: Negotiate} does with the token a client sends.
 */
final class JdkAcceptor {
    private static final String SPNEGO = "1.3.6.1.5.5.2";

    private JdkAcceptor() {
    }

    /**
     * The client principal of an established context, after the JDK read {@code krb5Conf} for the realm's settings.
     *
     * @param krb5Conf a krb5.conf for the realm, which the JDK reads (sun.security.krb5.Config, exported to the tests)
     */
    @SuppressWarnings("removal")
    static String accept(byte[] token, String service, Path keytab, Path krb5Conf) throws Exception {
        String previous = System.setProperty("java.security.krb5.conf", krb5Conf.toString());
        Class.forName("sun.security.krb5.Config").getMethod("refresh").invoke(null);
        try {
            KerberosPrincipal principal = new KerberosPrincipal(service);
            Subject subject = new Subject(false, Set.of(principal), Set.of(),
                    Set.of(KeyTab.getInstance(principal, keytab.toFile())));
            return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential credential = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        new Oid(SPNEGO), GSSCredential.ACCEPT_ONLY);
                GSSContext context = manager.createContext(credential);
                context.acceptSecContext(token, 0, token.length);
                if (!context.isEstablished()) {
                    throw new AssertionError("the JDK's acceptor wants another token");
                }
                String client = context.getSrcName().toString();
                context.dispose();
                return client;
            });
        } finally {
            if (previous == null) {
                System.clearProperty("java.security.krb5.conf");
            } else {
                System.setProperty("java.security.krb5.conf", previous);
            }
            Class.forName("sun.security.krb5.Config").getMethod("refresh").invoke(null);
        }
    }
}
