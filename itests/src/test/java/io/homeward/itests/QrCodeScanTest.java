package io.homeward.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.qr.QrCode;

/**
 * The kit's QR encoder read back by independent software, as a phone camera would: each symbol's SVG rendered to
 * a 600-pixel PNG by librsvg (rsvg-convert) and decoded by ZBar (zbarimg) gives exactly the text encoded.
 */
class QrCodeScanTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        Tool.requireInstalled("rsvg-convert");
        Tool.requireInstalled("zbarimg");
    }

    static Stream<Arguments> texts() throws IOException {
        InviteCode invite = new InviteCode(
                List.of(InetAddress.getByName("203.0.113.7"), InetAddress.getByName("2001:db8::7")), 53, 853, 8443,
                3478, new byte[32], "alice.members.example.", Optional.of("laptop"), new byte[16]);
        String base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        return Stream.of(
                Arguments.of("short", "HW1", 1),
                Arguments.of("invite of 160 characters", "HW1" + base32.repeat(5).substring(0, 157), 7),
                Arguments.of("invite from kit.enroll", invite.encode(), 8),
                Arguments.of("UTF-8 byte mode", "Grüße aus Zürich, ça va ? 東京 ✓", 3),
                Arguments.of("version 15", "The quick brown fox jumps over the lazy dog; ".repeat(9), 15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void decodesToTheExactText(String name, String text, int version) throws Exception {
        QrCode code = QrCode.encode(text);
        assertEquals(version, (code.size() - 17) / 4, name + ": version");
        Path svg = dir.resolve(name.replace(' ', '-') + ".svg");
        Path png = dir.resolve(name.replace(' ', '-') + ".png");
        Files.writeString(svg, code.svg());
        run("rsvg-convert", "-w", "600", "-o", png.toString(), svg.toString());
        // Only the QR symbology: ZBar's linear decoders can find stray "barcodes" in a dense symbol's modules.
        String decoded = run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString());
        assertEquals(text + "\n", decoded, name);
    }

    /** Runs a tool; returns its standard output, failing with its error output when it exits non-zero. */
    private static String run(String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), command[0] + " did not finish within 30 s");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + Files.readString(errors));
        return new String(out, StandardCharsets.UTF_8);
    }
}
