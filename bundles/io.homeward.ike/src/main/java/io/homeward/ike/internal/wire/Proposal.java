package io.homeward.ike.internal.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One proposal of an SA payload (RFC 7296 §3.3.1): its number, the protocol (1 IKE, 3 ESP), the SPI (none for
 * IKE in IKE_SA_INIT, 8 octets for an IKE rekey, 4 for ESP) and the transforms.
 */
public record Proposal(int number, int protocol, byte[] spi, List<Transform> transforms) {
    public static final int IKE = 1;
    public static final int AH = 2;
    public static final int ESP = 3;
    static final int HEADER_LENGTH = 8;

    public Proposal {
        spi = spi.clone();
        transforms = List.copyOf(transforms);
        if (transforms.isEmpty() || transforms.size() > 255 || spi.length > 255) {
            throw new IllegalArgumentException("a proposal has 1 to 255 transforms and an SPI of at most 255 octets");
        }
    }

    @Override
    public byte[] spi() {
        return spi.clone();
    }

    int length() {
        return HEADER_LENGTH + spi.length + transforms.stream().mapToInt(Transform::length).sum();
    }

    void write(ByteBuffer out, boolean last) {
        out.put((byte) (last ? 0 : 2)).put((byte) 0).putShort((short) length()).put((byte) number).put((byte) protocol)
                .put((byte) spi.length).put((byte) transforms.size()).put(spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).write(out, i == transforms.size() - 1);
        }
    }

    static Proposal read(WireReader in, boolean[] last) throws IkeFormatException {
        int more = in.u8("proposal last substruc");
        if (more != 0 && more != 2) {
            throw new IkeFormatException("proposal last substruc " + more + ", expected 0 or 2");
        }
        last[0] = more == 0;
        in.skip(1, "proposal reserved");
        int length = in.u16("proposal length");
        if (length < HEADER_LENGTH) {
            throw new IkeFormatException("proposal length " + length + " below 8");
        }
        WireReader body = in.sub(length - 4, "proposal");
        int number = body.u8("proposal number");
        int protocol = body.u8("protocol ID");
        int spiSize = body.u8("SPI size");
        int count = body.u8("number of transforms");
        byte[] spi = body.bytes(spiSize, "proposal SPI");
        if (count == 0) {
            throw new IkeFormatException("proposal " + number + " has no transforms");
        }
        List<Transform> transforms = new ArrayList<>(count);
        boolean[] lastTransform = {false};
        while (!lastTransform[0]) {
            if (transforms.size() == count) {
                throw new IkeFormatException("proposal " + number + " has more transforms than its count " + count);
            }
            transforms.add(Transform.read(body, lastTransform));
        }
        if (transforms.size() != count || body.remaining() != 0) {
            throw new IkeFormatException("proposal " + number + " says " + count + " transforms in " + length
                    + " octets, holds " + transforms.size() + " and " + body.remaining() + " octets more");
        }
        return new Proposal(number, protocol, spi, transforms);
    }
}
