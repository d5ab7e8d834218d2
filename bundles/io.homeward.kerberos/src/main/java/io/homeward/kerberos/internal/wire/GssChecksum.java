package io.homeward.kerberos.internal.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The authenticator checksum of a Kerberos GSS-API AP-REQ, type 0x8003 (RFC 4121 §4.1.1): Lgth = 16, the 16-octet
 * channel binding hash (zeros without bindings), the context flags (little-endian), the delegated KRB-CRED when the
 * delegation flag is set, and extension octets.
 */
public record GssChecksum(byte[] bindings, int flags, Optional<byte[]> delegation, byte[] extensions) {
    public static final int CHECKSUM_TYPE = 0x8003;
    public static final int BINDINGS_LENGTH = 16;
    public static final int DELEG_FLAG = 1;
    public static final int MUTUAL_FLAG = 2;
    public static final int REPLAY_FLAG = 4;
    public static final int SEQUENCE_FLAG = 8;
    public static final int CONF_FLAG = 16;
    public static final int INTEG_FLAG = 32;
    private static final int DLG_OPT = 1;
    private static final int FIXED_LENGTH = 4 + BINDINGS_LENGTH + 4;

    public GssChecksum {
        if (bindings.length != BINDINGS_LENGTH) {
            throw new IllegalArgumentException("the channel binding hash has 16 octets, not " + bindings.length);
        }
        if (delegation.isPresent() != ((flags & DELEG_FLAG) != 0)) {
            throw new IllegalArgumentException("delegated credentials go with the delegation flag, and only then");
        }
        if (delegation.isPresent() && delegation.get().length > 0xffff) {
            throw new IllegalArgumentException("delegated credentials of more than 65535 octets");
        }
        bindings = bindings.clone();
        delegation = delegation.map(byte[]::clone);
        extensions = extensions.clone();
    }

    @Override
    public byte[] bindings() {
        return bindings.clone();
    }

    @Override
    public Optional<byte[]> delegation() {
        return delegation.map(byte[]::clone);
    }

    @Override
    public byte[] extensions() {
        return extensions.clone();
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The checksum of {@code checksum}, which must be of type 0x8003. */
    public static GssChecksum from(Checksum checksum) throws KerberosFormatException {
        if (checksum.type() != CHECKSUM_TYPE) {
            throw new KerberosFormatException(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM,
                    "authenticator checksum of type " + checksum.type() + ", GSS-API uses 0x8003");
        }
        return decode(checksum.checksum());
    }

    public static GssChecksum decode(byte[] octets) throws KerberosFormatException {
        if (octets.length < FIXED_LENGTH) {
            throw new KerberosFormatException("GSS-API checksum of " + octets.length + " octets, fewer than 24");
        }
        ByteBuffer in = ByteBuffer.wrap(octets).order(ByteOrder.LITTLE_ENDIAN);
        int lgth = in.getInt();
        if (lgth != BINDINGS_LENGTH) {
            throw new KerberosFormatException("GSS-API checksum with Lgth " + lgth + ", RFC 4121 §4.1.1 says 16");
        }
        byte[] bindings = new byte[BINDINGS_LENGTH];
        in.get(bindings);
        int flags = in.getInt();
        Optional<byte[]> delegation = Optional.empty();
        if ((flags & DELEG_FLAG) != 0) {
            if (in.remaining() < 4) {
                throw new KerberosFormatException("GSS-API checksum: delegation flag without DlgOpt and Dlgth");
            }
            int dlgOpt = Short.toUnsignedInt(in.getShort());
            int dlgth = Short.toUnsignedInt(in.getShort());
            if (dlgOpt != DLG_OPT || dlgth > in.remaining()) {
                throw new KerberosFormatException(
                        "GSS-API checksum: DlgOpt " + dlgOpt + " or Dlgth " + dlgth + " does not fit");
            }
            byte[] credentials = new byte[dlgth];
            in.get(credentials);
            delegation = Optional.of(credentials);
        }
        byte[] extensions = new byte[in.remaining()];
        in.get(extensions);
        return new GssChecksum(bindings, flags, delegation, extensions);
    }

    public byte[] encode() {
        int delegationLength = delegation.map(credentials -> 4 + credentials.length).orElse(0);
        ByteBuffer out = ByteBuffer.allocate(FIXED_LENGTH + delegationLength + extensions.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(BINDINGS_LENGTH).put(bindings).putInt(flags);
        delegation.ifPresent(credentials -> out.putShort((short) DLG_OPT).putShort((short) credentials.length)
                .put(credentials));
        out.put(extensions);
        return out.array();
    }

    /** The Checksum to put in the Authenticator. */
    public Checksum toChecksum() {
        return new Checksum(CHECKSUM_TYPE, encode());
    }
}
