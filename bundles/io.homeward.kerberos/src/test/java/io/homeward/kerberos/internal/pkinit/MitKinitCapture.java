package io.homeward.kerberos.internal.pkinit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERGeneralString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Captures a real PKINIT AS-REQ from MIT's {@code kinit} into the directory named by {@code -Dpkinit.capture=DIR}
 * (the resources {@link MitKinitRequestTest} reads were made so; see the README beside them). It makes an account CA
 * and the host certificate of {@code laptop.alice.members.example}, points kinit at a listener on 127.0.0.1 through
 * a krb5.conf of its own, answers the first AS-REQ with KRB-ERROR 25 PREAUTH_REQUIRED listing PA-PK-AS-REQ, and
 * keeps the second, which carries the PA-PK-AS-REQ. kinit then gives up, as nothing answers it.
 */
@EnabledIfSystemProperty(named = "pkinit.capture", matches = ".+")
class MitKinitCapture {
    static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private static final int KRB_ERROR = 30;
    private static final int PREAUTH_REQUIRED = 25;

    @Test
    void captureAPkinitRequestOfKinit() throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("pkinit.capture")));
        Path work = Files.createTempDirectory("kinit");
        Instant now = Instant.now();
        TestAccountCa ca = TestAccountCa.create("members.example", now);
        TestAccountCa.Host laptop = ca.host("laptop", TestAccountCa.ZONE, now);
        Files.writeString(out.resolve("mit-ca.pem"), TestAccountCa.pem(ca.certificate));
        Files.writeString(out.resolve("mit-ca.key"), TestAccountCa.pem(ca.keys.getPrivate()));
        Files.writeString(out.resolve("mit-laptop.pem"), TestAccountCa.pem(laptop.certificate()));
        Files.writeString(out.resolve("mit-laptop.key"), TestAccountCa.pem(laptop.keys().getPrivate()));

        try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Files.writeString(work.resolve("krb5.conf"), String.join("\n",
                    "[libdefaults]", " default_realm = " + REALM, " dns_lookup_kdc = false",
                    " dns_lookup_realm = false", " udp_preference_limit = 1",
                    "[realms]", " " + REALM + " = {", "  kdc = 127.0.0.1:" + listener.getLocalPort(),
                    "  pkinit_anchors = FILE:" + out.resolve("mit-ca.pem"), " }", ""));
            CompletableFuture<byte[]> captured = CompletableFuture.supplyAsync(() -> answer(listener));
            ProcessBuilder kinit = new ProcessBuilder("kinit", "-X", "X509_user_identity=FILE:"
                    + out.resolve("mit-laptop.pem") + "," + out.resolve("mit-laptop.key"), "alice@" + REALM);
            kinit.environment().put("KRB5_CONFIG", work.resolve("krb5.conf").toString());
            kinit.environment().put("KRB5CCNAME", "FILE:" + work.resolve("ccache"));
            kinit.environment().put("KRB5_TRACE", out.resolve("mit-kinit-trace.txt").toString());
            kinit.redirectErrorStream(true).redirectOutput(work.resolve("kinit.out").toFile());
            Process process = kinit.start();
            try {
                byte[] request = captured.get(60, TimeUnit.SECONDS);
                Files.writeString(out.resolve("mit-1.20-pkinit-as-req.hex"), HexFormat.of().formatHex(request) + "\n");
            } finally {
                process.destroy();
                assertTrue(process.waitFor(10, TimeUnit.SECONDS), "kinit ends");
            }
        }
    }

    /** Answers the first AS-REQ with PREAUTH_REQUIRED, returns the second. */
    private static byte[] answer(ServerSocket listener) {
        try {
            for (int exchange = 0;; exchange++) {
                try (Socket socket = listener.accept()) {
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    byte[] request = new byte[in.readInt()];
                    in.readFully(request);
                    if (TestAsReq.decode(request).padataTypes().contains(PaPkAsReq.PADATA_TYPE)) {
                        return request;
                    }
                    byte[] error = preauthRequired();
                    DataOutputStream reply = new DataOutputStream(socket.getOutputStream());
                    reply.writeInt(error.length);
                    reply.write(error);
                    reply.flush();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** KRB-ERROR (RFC 4120 §5.9.1) 25 whose e-data METHOD-DATA lists PA-PK-AS-REQ (RFC 4556 §3.2.1). */
    private static byte[] preauthRequired() {
        ASN1Encodable methodData = new DERSequence(new DERSequence(new ASN1Encodable[] {
            Der.explicit(1, new ASN1Integer(PaPkAsReq.PADATA_TYPE)), Der.explicit(2, new DEROctetString(new byte[0])),
        }));
        return Der.encode(new DERTaggedObject(true, BERTags.APPLICATION, KRB_ERROR, new DERSequence(
                new ASN1Encodable[] {
                    Der.explicit(0, new ASN1Integer(5)), Der.explicit(1, new ASN1Integer(KRB_ERROR)),
                    Der.explicit(4, KerberosTime.encode(Instant.now())), Der.explicit(5, new ASN1Integer(0)),
                    Der.explicit(6, new ASN1Integer(PREAUTH_REQUIRED)), Der.explicit(9, new DERGeneralString(REALM)),
                    Der.explicit(10, new DERSequence(new ASN1Encodable[] {
                        Der.explicit(0, new ASN1Integer(Krb5PrincipalName.NT_SRV_INST)),
                        Der.explicit(1, new DERSequence(new ASN1Encodable[] {
                            new DERGeneralString("krbtgt"), new DERGeneralString(REALM),
                        })),
                    })),
                    Der.explicit(12, new DEROctetString(Der.encode(methodData))),
                })));
    }

}
