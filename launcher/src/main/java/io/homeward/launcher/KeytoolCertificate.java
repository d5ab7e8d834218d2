package io.homeward.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.homeward.kit.files.AtomicFiles;
import io.homeward.kit.files.SecretFiles;

/**
 * Makes a self-signed ECDSA P-256 certificate and key in a PKCS12 keystore with the JDK's {@code keytool}, run as a
 * process: the launcher has no certificate builder of its own (no Bouncy Castle on its class path), and keytool lives
 * in the {@code java.base} module, so every Java runtime able to run the launcher, a jlink image included, has
 * {@code bin/keytool}. The password reaches it through a file, never the command line.
 */
final class KeytoolCertificate {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int VALIDITY_DAYS = 3650;

    private final Path keytool;

    KeytoolCertificate(Path javaHome) {
        this.keytool = javaHome.resolve("bin").resolve("keytool");
    }

    /** The keytool of the running Java. */
    static KeytoolCertificate ofThisJava() {
        return new KeytoolCertificate(Path.of(System.getProperty("java.home")));
    }

    void make(Path keystore, String password, String address) throws IOException {
        if (!Files.isExecutable(keytool)) {
            throw new IOException("this Java has no keytool at " + keytool + " to make the console's certificate");
        }
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password");
        SecretFiles.write(passwordFile, password.toCharArray());
        Path output = Files.createTempFile(keystore.getParent(), "keytool", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias",
                    ConsoleKeystore.ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=Homeward console", "-validity", Integer.toString(VALIDITY_DAYS), "-storetype",
                    ConsoleKeystore.TYPE, "-keystore", keystore.toString(), "-storepass:file", passwordFile.toString(),
                    "-keypass:file", passwordFile.toString(), "-noprompt"));
            subjectAltName(address).ifPresent(name -> command.addAll(List.of("-ext", "SAN=" + name)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed (status " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            // keytool writes it with the umask's permissions, in the owner-only directory.
            if (keystore.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(keystore, AtomicFiles.OWNER_ONLY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the console's certificate", e);
        } finally {
            Files.deleteIfExists(passwordFile);
            Files.deleteIfExists(output);
        }
    }

    /**
     * The certificate's subject alternative name (RFC 5280 section 4.2.1.6): the console's IP address or host name;
     * none for the wildcard address, which names no host.
     */
    static Optional<String> subjectAltName(String address) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
            return Optional.of("dns:" + literal);
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            return parsed.isAnyLocalAddress() ? Optional.empty() : Optional.of("ip:" + parsed.getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
