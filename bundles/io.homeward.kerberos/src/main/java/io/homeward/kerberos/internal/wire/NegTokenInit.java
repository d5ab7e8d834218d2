package io.homeward.kerberos.internal.wire;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * NegTokenInit (RFC 4178 §4.2.1): the mechanisms the initiator offers, most preferred first, optional context flags
 * (bit n of the BIT STRING is {@code 1 << n} here), the optimistic token for the first mechanism, and a MIC.
 */
public record NegTokenInit(List<ASN1ObjectIdentifier> mechTypes, OptionalInt reqFlags, Optional<byte[]> mechToken,
        Optional<byte[]> mechListMic) implements SpnegoToken {
    static final int CHOICE = 0;
    private static final int MAX_FLAG_OCTETS = 4;

    public NegTokenInit {
        mechTypes = List.copyOf(mechTypes);
        mechToken = mechToken.map(byte[]::clone);
        mechListMic = mechListMic.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> mechToken() {
        return mechToken.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> mechListMic() {
        return mechListMic.map(byte[]::clone);
    }

    static NegTokenInit fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 3, "NegTokenInit");
        return new NegTokenInit(
                fields.required(0, "mechTypes",
                        list -> Der.sequenceOf(list, oid -> Der.oid(oid, "MechType"), "MechTypeList")),
                fields.has(1) ? OptionalInt.of(fields.required(1, "reqFlags", NegTokenInit::flags))
                        : OptionalInt.empty(),
                fields.optional(2, "mechToken", token -> Der.octets(token, "mechToken")),
                fields.optional(3, "mechListMIC", mic -> Der.octets(mic, "mechListMIC")));
    }

    /** ContextFlags: a named-bit BIT STRING of at most 32 bits. */
    private static int flags(ASN1Primitive value) throws KerberosFormatException {
        ASN1BitString bits = Der.bitString(value, "ContextFlags");
        byte[] octets = bits.getBytes();
        if (octets.length > MAX_FLAG_OCTETS) {
            throw new KerberosFormatException("ContextFlags of more than 32 bits");
        }
        int flags = 0;
        for (int bit = 0; bit < octets.length * 8 - bits.getPadBits(); bit++) {
            if ((octets[bit / 8] & 0x80 >>> bit % 8) != 0) {
                flags |= 1 << bit;
            }
        }
        return flags;
    }

    /** ContextFlags in DER: trailing zero bits dropped (X.690 §11.2.2). */
    private static ASN1Primitive flagsToAsn1(int flags) {
        int highest = 31 - Integer.numberOfLeadingZeros(flags);
        byte[] octets = new byte[highest / 8 + 1];
        for (int bit = 0; bit <= highest; bit++) {
            if ((flags & 1 << bit) != 0) {
                octets[bit / 8] |= (byte) (0x80 >>> bit % 8);
            }
        }
        return highest < 0 ? new DERBitString(new byte[0], 0) : new DERBitString(octets, 7 - highest % 8);
    }

    /** The DER of mechTypes, what mechListMIC is computed over (RFC 4178 §5). */
    public byte[] mechTypesDer() {
        return Der.encode(mechTypeList());
    }

    private DERSequence mechTypeList() {
        ASN1EncodableVector vector = new ASN1EncodableVector(mechTypes.size());
        mechTypes.forEach(vector::add);
        return new DERSequence(vector);
    }

    @Override
    public byte[] encode() {
        ASN1Primitive body = Der.sequence(Der.field(0, mechTypeList()),
                Der.field(1, reqFlags.isPresent() ? flagsToAsn1(reqFlags.getAsInt()) : null),
                Der.field(2, mechToken.map(Der::octets).orElse(null)),
                Der.field(3, mechListMic.map(Der::octets).orElse(null)));
        return new GssInitialToken(GssMechanisms.SPNEGO, Der.encode(new DERTaggedObject(true, CHOICE, body))).encode();
    }
}
