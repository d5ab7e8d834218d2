package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random mutations of valid encodings — captured from MIT and built here — per decoder: each is decoded
 * or refused with a {@link KerberosFormatException} and a one-line reason, nothing else; what decodes encodes to
 * octets that decode and encode to themselves. The random seed is fixed, so a failure repeats.
 */
class MutationTest {
    private static final int MUTATIONS = 3000;

    interface Decoder {
        byte[] decodeAndEncode(byte[] input) throws KerberosFormatException;
    }

    private static final Decoder MESSAGE = input -> KerberosMessage.decode(input).encode();
    private static final Decoder SPNEGO = input -> SpnegoToken.decode(input).encode();
    private static final Decoder GSS = input -> GssKerberosToken.decode(input).encode();

    static Stream<Arguments> samples() {
        Stream<Arguments> captured = Stream.of(
                Arguments.of("as-req", Resources.mit("as-req"), MESSAGE),
                Arguments.of("as-req-enc-timestamp", Resources.mit("as-req-enc-timestamp"), MESSAGE),
                Arguments.of("krb-error-preauth-required", Resources.mit("krb-error-preauth-required"), MESSAGE),
                Arguments.of("as-rep", Resources.mit("as-rep"), MESSAGE),
                Arguments.of("tgs-req", Resources.mit("tgs-req"), MESSAGE),
                Arguments.of("tgs-rep", Resources.mit("tgs-rep"), MESSAGE),
                Arguments.of("as-req-pkinit", Resources.mit("as-req-pkinit"), MESSAGE),
                Arguments.of("as-rep-pkinit", Resources.mit("as-rep-pkinit"), MESSAGE),
                Arguments.of("spnego-neg-token-init", Resources.mit("spnego-neg-token-init"), SPNEGO),
                Arguments.of("spnego-neg-token-resp", Resources.mit("spnego-neg-token-resp"), SPNEGO),
                Arguments.of("enc-as-rep-part", Resources.mit("enc-as-rep-part"),
                        (Decoder) input -> EncKdcRepPart.decode(input).encode()),
                Arguments.of("enc-ticket-part", Resources.mit("enc-ticket-part"),
                        (Decoder) input -> EncTicketPart.decode(input).encode()),
                Arguments.of("authenticator-gss", Resources.mit("authenticator-gss"),
                        (Decoder) input -> Authenticator.decode(input).encode()),
                Arguments.of("enc-ap-rep-part", Resources.mit("enc-ap-rep-part"),
                        (Decoder) input -> EncApRepPart.decode(input).encode()));
        Stream<Arguments> built = Samples.messages().stream()
                .map(message -> Arguments.of(message.getClass().getSimpleName() + " " + message.messageType(),
                        message.encode(), MESSAGE));
        Stream<Arguments> gss = Stream.of(
                Arguments.of("GSS AP-REQ", GssKerberosToken.of(Samples.apReq()).encode(), GSS),
                Arguments.of("GssChecksum", Samples.authenticator().cksum().orElseThrow().checksum(),
                        (Decoder) input -> GssChecksum.decode(input).encode()),
                Arguments.of("PrincipalName", Samples.HTTP.encode(),
                        (Decoder) input -> PrincipalName.decode(input).encode()));
        return Stream.concat(Stream.concat(captured, built), gss);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutationsAreDecodedOrRefused(String name, byte[] valid, Decoder decoder) {
        Random random = new Random(name.hashCode());
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(valid, random);
            byte[] encoded;
            try {
                encoded = decoder.decodeAndEncode(mutated);
            } catch (KerberosFormatException refused) {
                assertFalse(refused.getMessage().isBlank() || refused.getMessage().contains("\n"));
                continue;
            } catch (RuntimeException | Error e) {
                fail(name + " mutation " + i + " " + HexFormat.of().formatHex(mutated) + " threw " + e, e);
                return;
            }
            try {
                assertArrayEquals(encoded, decoder.decodeAndEncode(encoded), name + " mutation " + i);
            } catch (KerberosFormatException e) {
                fail(name + " mutation " + i + " decoded, but its encoding is refused: " + e.getMessage());
            }
        }
    }

    /** One to three edits of the kinds that break parsers: bits, lengths, insertions, cuts, repeats. */
    static byte[] mutate(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(8)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes[at] = (byte) new int[] {0x80, 0x81, 0x82, 0x83, 0x84, 0xff, 0x00, 0x7f}[random.nextInt(8)];
                case 3 -> bytes = Arrays.copyOf(bytes, at);
                case 4 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
                    byte[] cut = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, cut, 0, at);
                    System.arraycopy(bytes, at + length, cut, at, bytes.length - at - length);
                    bytes = cut;
                }
                case 5 -> {
                    byte[] inserted = new byte[bytes.length + 1 + random.nextInt(8)];
                    System.arraycopy(bytes, 0, inserted, 0, at);
                    for (int i = at; i < at + inserted.length - bytes.length; i++) {
                        inserted[i] = (byte) random.nextInt(256);
                    }
                    System.arraycopy(bytes, at, inserted, at + inserted.length - bytes.length, bytes.length - at);
                    bytes = inserted;
                }
                case 6 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
                    byte[] repeated = new byte[bytes.length + length];
                    System.arraycopy(bytes, 0, repeated, 0, at + length);
                    System.arraycopy(bytes, at, repeated, at + length, bytes.length - at);
                    bytes = repeated;
                }
                default -> {
                    int other = random.nextInt(bytes.length);
                    byte swap = bytes[at];
                    bytes[at] = bytes[other];
                    bytes[other] = swap;
                }
            }
        }
        return bytes;
    }
}
