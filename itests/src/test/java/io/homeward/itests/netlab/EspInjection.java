package io.homeward.itests.netlab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an attacker on the Internet side sends at a host's tunnel port: a captured ESP datagram again, the same
 * with one octet flipped, an ESP packet made with the real key but carrying an inner packet from another source
 * (RFC 4303 with 64-bit ESN, AES-GCM-16, RFC 4106), and plain junk. Sent from hw-inet with python3.
 */
final class EspInjection {
    private EspInjection() {
    }

    /** The UDP payload of the first datagram in a classic pcap (Ethernet, IPv4, UDP) of at least {@code minLength}. */
    static byte[] firstUdpPayload(Path pcap, int minLength) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.position(24);
        while (b.remaining() >= 16) {
            b.getInt();
            b.getInt();
            int captured = b.getInt();
            b.getInt();
            int start = b.position();
            int ip = start + 14;
            int udp = ip + (b.get(ip) & 0x0F) * 4;
            int udpLength = ((b.get(udp + 4) & 0xFF) << 8) | (b.get(udp + 5) & 0xFF);
            if (udpLength - 8 >= minLength) {
                return Arrays.copyOfRange(b.array(), udp + 8, udp + udpLength);
            }
            b.position(start + captured);
        }
        throw new AssertionError("no UDP datagram with a payload of " + minLength + "+ octets in " + pcap);
    }

    /** A valid ESP packet under the key whose inner IPv6 packet comes from {@code innerSource}. */
    static byte[] espFrom(int spi, long sequence, byte[] keyAndSalt, byte[] innerSource, byte[] innerDestination)
            throws GeneralSecurityException {
        byte[] inner = new byte[40];
        inner[0] = 0x60;
        inner[6] = 59;     // no next header
        inner[7] = 64;
        System.arraycopy(innerSource, 0, inner, 8, 16);
        System.arraycopy(innerDestination, 0, inner, 24, 16);
        byte[] plain = new byte[inner.length + 4];   // 2 padding octets 1, 2 keep 8 + 8 + 44 on a 4-octet boundary
        System.arraycopy(inner, 0, plain, 0, inner.length);
        plain[40] = 1;
        plain[41] = 2;
        plain[42] = 2;
        plain[43] = 41;
        ByteBuffer iv = ByteBuffer.allocate(8).putLong(sequence);
        byte[] nonce = new byte[12];
        System.arraycopy(keyAndSalt, keyAndSalt.length - 4, nonce, 0, 4);
        System.arraycopy(iv.array(), 0, nonce, 4, 8);
        ByteBuffer aad = ByteBuffer.allocate(12).putInt(spi).putInt((int) (sequence >>> 32)).putInt((int) sequence);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyAndSalt, 0, keyAndSalt.length - 4, "AES"),
                new GCMParameterSpec(128, nonce));
        gcm.updateAAD(aad.array());
        byte[] sealed = gcm.doFinal(plain);
        return ByteBuffer.allocate(16 + sealed.length).putInt(spi).putInt((int) sequence).put(iv.array()).put(sealed)
                .array();
    }

    /** Sends the datagram from the lab's Internet router to address:port. */
    static void sendFromInternet(byte[] payload, String address, int port) throws IOException, InterruptedException {
        NetLab.Result r = NetLab.in("hw-inet", "python3", "-c",
                "import socket,sys; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM);"
                        + " s.sendto(bytes.fromhex(sys.argv[1]), (sys.argv[2], int(sys.argv[3])))",
                HexFormat.of().formatHex(payload), address, Integer.toString(port));
        if (r.exit() != 0) {
            throw new AssertionError("sending from hw-inet failed: " + r.out());
        }
    }
}
