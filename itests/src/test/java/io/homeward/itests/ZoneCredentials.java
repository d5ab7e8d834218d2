package io.homeward.itests;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;

/**
 * A test's own sign-in: the user's zone and password-derived key, registered once per runtime and
 * ranked above the credentials the all-in-one's embedded sign-in registers for the machine's user,
 * so the watcher (which takes the best-ranked credentials) works as that user.
 */
record ZoneCredentials(String userName, String zone, TsigKey tsigKey) implements Credentials {
    private static final String TEST_PROPERTY = "homeward.itest";

    static void signIn(BundleContext context, String user, String zone, TsigKey key) throws InvalidSyntaxException {
        if (context.getServiceReferences(Credentials.class, "(" + TEST_PROPERTY + "=true)").isEmpty()) {
            context.registerService(Credentials.class, new ZoneCredentials(user, zone, key),
                    new Hashtable<>(Map.of(TEST_PROPERTY, "true", Constants.SERVICE_RANKING, 1000)));
        }
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return List.of();
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.empty();
    }
}
