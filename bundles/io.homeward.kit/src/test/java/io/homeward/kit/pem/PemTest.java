package io.homeward.kit.pem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PemTest {
    @Test
    void encodesLinesOfSixtyFourCharactersBetweenTheLabelLines() {
        String text = new String(Pem.encode("X509 CRL", new byte[100]), StandardCharsets.US_ASCII);

        String[] lines = text.split("\n");
        assertEquals("-----BEGIN X509 CRL-----", lines[0]);
        assertEquals(64, lines[1].length());
        assertEquals("-----END X509 CRL-----", lines[lines.length - 1]);
        assertTrue(text.endsWith("-----\n"));
    }

    @Test
    void readsEveryBlockInOrderAndIgnoresTheTextAroundThem() throws IOException {
        byte[] text = ("explanatory text\n" + ascii(Pem.encode("PRIVATE KEY", new byte[] {1, 2}))
                + "between\r\n" + ascii(Pem.encode("CERTIFICATE", new byte[] {3}))).getBytes(StandardCharsets.US_ASCII);

        List<PemBlock> blocks = Pem.blocks(text);

        assertEquals(List.of("PRIVATE KEY", "CERTIFICATE"), blocks.stream().map(PemBlock::label).toList());
        assertArrayEquals(new byte[] {1, 2}, blocks.get(0).der());
        assertArrayEquals(new byte[] {3}, Pem.decode("CERTIFICATE", text));
    }

    @Test
    void aMissingBlockAnUnendedOneAndBadBase64AreOneLineErrors() {
        byte[] none = "no pem here".getBytes(StandardCharsets.US_ASCII);
        byte[] unended = "-----BEGIN CERTIFICATE-----\nAAAA\n".getBytes(StandardCharsets.US_ASCII);
        byte[] garbled = "-----BEGIN X-----\nA\n-----END X-----\n".getBytes(StandardCharsets.US_ASCII);

        assertEquals("no PEM X509 CRL block", assertThrows(IOException.class, () -> Pem.decode("X509 CRL", none))
                .getMessage());
        assertEquals("the PEM CERTIFICATE block has no end line",
                assertThrows(IOException.class, () -> Pem.blocks(unended)).getMessage());
        assertTrue(assertThrows(IOException.class, () -> Pem.blocks(garbled)).getMessage()
                .startsWith("the PEM X block is not base64"));
    }

    @Test
    void aBlockThatIsNotACertificateIsAnError() {
        List<PemBlock> blocks = List.of(new PemBlock("CERTIFICATE", new byte[] {0x30, 0}));

        assertThrows(IOException.class, () -> Pem.certificates(blocks));
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
