package io.homeward.kit.enroll;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.homeward.kit.text.DnsLabel;

/**
 * What a new machine needs to join an account, as one copy-pasteable string (docs/enrollment.md, "Invite codes"):
 * {@code HW1} and the RFC 4648 base32 (no padding) of a version-1 payload and its 4-byte SHA-256 check.
 *
 * @param addresses the rendezvous' addresses, 1 to 4
 * @param dnsPort   its plain DNS port
 * @param tlsPort   its DNS-over-TLS port
 * @param estPort   its enrollment (EST over HTTPS) port
 * @param stunPort  its STUN port
 * @param pin       SHA-256 of its TLS certificate, 32 bytes
 * @param zone      the user's zone, absolute
 * @param host      the host label the code is for, or empty for the joining machine's own name
 * @param secret    the one-time secret, 16 bytes; never sent, only used as an HMAC key
 */
public record InviteCode(List<InetAddress> addresses, int dnsPort, int tlsPort, int estPort, int stunPort, byte[] pin,
        String zone, Optional<String> host, byte[] secret) {
    public static final String PREFIX = "HW1";
    static final int PIN_BYTES = 32;
    public static final int SECRET_BYTES = 16;
    private static final int VERSION = 1;
    private static final int CHECK_BYTES = 4;
    private static final int MAX_ADDRESSES = 4;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public InviteCode {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("an invite names 1 to " + MAX_ADDRESSES + " rendezvous addresses");
        }
        for (int port : new int[] {dnsPort, tlsPort, estPort, stunPort}) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range");
            }
        }
        if (pin.length != PIN_BYTES || secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("the pin is 32 bytes and the secret 16");
        }
        pin = pin.clone();
        secret = secret.clone();
        zone = zone.toLowerCase(Locale.ROOT);
        if (!zone.endsWith(".") || zone.length() > 200) {
            throw new IllegalArgumentException("the zone must be absolute and short: " + zone);
        }
        host = host.map(h -> h.toLowerCase(Locale.ROOT));
        host.flatMap(DnsLabel::problem).ifPresent(p -> {
            throw new IllegalArgumentException("bad host name in the invite: " + p);
        });
    }

    @Override
    public byte[] pin() {
        return pin.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /**
     * The invite's public identifier: the first 8 bytes of SHA-256("homeward invite id" || secret), hex. The server
     * finds the invite by it; it reveals nothing about the secret.
     */
    public String id() {
        return idOf(secret);
    }

    public static String idOf(byte[] secret) {
        MessageDigest sha = sha256();
        sha.update("homeward invite id".getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(secret), 8));
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(VERSION);
        out.write(addresses.size());
        for (InetAddress address : addresses) {
            byte[] raw = address.getAddress();
            out.write(raw.length);
            out.writeBytes(raw);
        }
        for (int port : new int[] {dnsPort, tlsPort, estPort, stunPort}) {
            out.write(port >>> 8);
            out.write(port & 0xFF);
        }
        out.writeBytes(pin);
        out.writeBytes(secret);
        writeText(out, zone.substring(0, zone.length() - 1));
        writeText(out, host.orElse(""));
        byte[] payload = out.toByteArray();
        out.writeBytes(Arrays.copyOf(sha256().digest(payload), CHECK_BYTES));
        return PREFIX + base32(out.toByteArray());
    }

    /**
     * Reads a code as a person pasted it (any case; spaces, dashes and line breaks ignored).
     *
     * @throws InviteCodeException saying whether it is not an invite, damaged (a typo) or of a newer version
     */
    public static InviteCode decode(String text) throws InviteCodeException {
        String compact = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!compact.startsWith(PREFIX)) {
            throw new InviteCodeException("this is not a Homeward invite code (they start with " + PREFIX + ")");
        }
        byte[] raw = unbase32(compact.substring(PREFIX.length()));
        if (raw.length <= CHECK_BYTES) {
            throw new InviteCodeException("the invite code is too short: was it copied whole?");
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - CHECK_BYTES);
        byte[] check = Arrays.copyOfRange(raw, raw.length - CHECK_BYTES, raw.length);
        if (!MessageDigest.isEqual(check, Arrays.copyOf(sha256().digest(payload), CHECK_BYTES))) {
            throw new InviteCodeException("the invite code is damaged (a character is wrong or missing): copy it again");
        }
        try {
            return parse(ByteBuffer.wrap(payload));
        } catch (BufferUnderflowException | IllegalArgumentException | UnknownHostException e) {
            throw new InviteCodeException("the invite code is not well formed: " + e.getMessage());
        }
    }

    private static InviteCode parse(ByteBuffer in) throws InviteCodeException, UnknownHostException {
        int version = in.get() & 0xFF;
        if (version != VERSION) {
            throw new InviteCodeException("the invite code is of version " + version + "; this agent reads version "
                    + VERSION + ": update it");
        }
        int count = in.get() & 0xFF;
        if (count < 1 || count > MAX_ADDRESSES) {
            throw new IllegalArgumentException(count + " addresses");
        }
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = in.get() & 0xFF;
            if (length != 4 && length != 16) {
                throw new IllegalArgumentException("an address of " + length + " bytes");
            }
            byte[] raw = new byte[length];
            in.get(raw);
            addresses.add(InetAddress.getByAddress(raw));
        }
        int[] ports = new int[4];
        for (int i = 0; i < ports.length; i++) {
            ports[i] = in.getShort() & 0xFFFF;
        }
        byte[] pin = new byte[PIN_BYTES];
        in.get(pin);
        byte[] secret = new byte[SECRET_BYTES];
        in.get(secret);
        String zone = readText(in) + ".";
        String host = readText(in);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes too many");
        }
        return new InviteCode(addresses, ports[0], ports[1], ports[2], ports[3], pin, zone,
                host.isEmpty() ? Optional.empty() : Optional.of(host), secret);
    }

    private static void writeText(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readText(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xFF];
        in.get(bytes);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.chars().allMatch(c -> c == '.' || c == '-' || c == '_' || Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("a name with characters DNS names do not have");
        }
        return text;
    }

    /** RFC 4648 §6 base32 without padding. */
    static String base32(byte[] data) {
        StringBuilder text = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return text.toString();
    }

    static byte[] unbase32(String text) throws InviteCodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                throw new InviteCodeException("the invite code has a character it cannot contain: '" + text.charAt(i)
                        + "' (codes use A-Z and 2-7)");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "InviteCode[" + id() + " for " + host.map(h -> h + ".").orElse("") + zone + "]";
    }
}
