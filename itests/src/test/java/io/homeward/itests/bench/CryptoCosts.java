package io.homeward.itests.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;

import javax.crypto.KeyAgreement;

import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.SignatureAuth;
import io.homeward.ike.internal.wire.AuthPayload;

/**
 * The public-key operations of one IKE_SA_INIT + IKE_AUTH responder, each timed on one thread after a warm-up, as
 * Homeward's IKE does them (Bouncy Castle's lightweight API) beside the same operation on the JVM's own provider
 * (SunEC): an X25519 key pair with its shared secret, the same for ECP-256, an ECDSA P-256 signature of AUTH octets
 * (RFC 7427 method 14), and its verification with a peer key seen before. Prints one line per operation: milliseconds
 * each, ours then the JVM's.
 * Usage: java -cp ... io.homeward.itests.bench.CryptoCosts [iterations, 400]
 */
public final class CryptoCosts {
    private static final byte[] OCTETS = ("IKE_AUTH octets: RealMessage | Nonce | prf(SK_p, IDx')".repeat(8))
            .getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private CryptoCosts() {
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws GeneralSecurityException;
    }

    public static void main(String[] args) throws GeneralSecurityException {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair host = ec.generateKeyPair();
        KeyExchange peer = KeyExchangeGroup.CURVE25519.generate(RANDOM);
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
        KeyPair jdkPeer = xdh.generateKeyPair();
        AuthPayload auth = SignatureAuth.sign(host.getPrivate(), OCTETS, true);
        byte[] jdkSignature = jdkSign(host);

        System.out.println("# public-key operations, ms each over " + iterations + " after as many to warm up: ours"
                + " (Bouncy Castle lightweight) / the JVM's (SunEC)");
        compare("X25519 key pair + shared secret", iterations,
                () -> KeyExchangeGroup.CURVE25519.generate(RANDOM).sharedSecret(peer.publicValue()),
                () -> {
                    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
                    agreement.init(xdh.generateKeyPair().getPrivate());
                    agreement.doPhase(jdkPeer.getPublic(), true);
                    agreement.generateSecret();
                });
        KeyExchange ecpPeer = KeyExchangeGroup.ECP_256.generate(RANDOM);
        KeyPair jdkEcpPeer = ec.generateKeyPair();
        compare("ECP-256 key pair + shared secret", iterations,
                () -> KeyExchangeGroup.ECP_256.generate(RANDOM).sharedSecret(ecpPeer.publicValue()),
                () -> {
                    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
                    agreement.init(ec.generateKeyPair().getPrivate());
                    agreement.doPhase(jdkEcpPeer.getPublic(), true);
                    agreement.generateSecret();
                });
        compare("ECDSA P-256 SHA-256 sign", iterations, () -> SignatureAuth.sign(host.getPrivate(), OCTETS, true),
                () -> jdkSign(host));
        compare("ECDSA P-256 SHA-256 verify", iterations, () -> require(SignatureAuth.verify(host.getPublic(), OCTETS,
                auth)), () -> {
                    Signature verifier = Signature.getInstance("SHA256withECDSA");
                    verifier.initVerify(host.getPublic());
                    verifier.update(OCTETS);
                    require(verifier.verify(jdkSignature));
                });
    }

    private static byte[] jdkSign(KeyPair host) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(host.getPrivate());
        signer.update(OCTETS);
        return signer.sign();
    }

    private static void require(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("a signature made here did not verify");
        }
    }

    private static void compare(String name, int iterations, Operation ours, Operation jvm)
            throws GeneralSecurityException {
        double oursMs = millisEach(ours, iterations);
        double jvmMs = millisEach(jvm, iterations);
        System.out.printf(Locale.ROOT, "  %-34s %7.3f / %7.3f ms  (%.1fx)%n", name, oursMs, jvmMs, jvmMs / oursMs);
    }

    private static double millisEach(Operation operation, int iterations) throws GeneralSecurityException {
        for (int i = 0; i < iterations; i++) {
            operation.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            operation.run();
        }
        return (System.nanoTime() - start) / 1e6 / iterations;
    }
}
