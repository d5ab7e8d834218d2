package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/**
 * HostAddress (RFC 4120 §5.2.5): an address type (2 IPv4, 24 IPv6, 20 NetBIOS) and its octets. HostAddresses is a
 * list of these.
 */
public record HostAddress(int addrType, byte[] address) implements DerEncodable {
    public static final int IPV4 = 2;
    public static final int IPV6 = 24;
    public static final int NETBIOS = 20;

    public HostAddress {
        address = address.clone();
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    public static HostAddress decode(byte[] der) throws KerberosFormatException {
        return fromAsn1(Der.parse(der, "HostAddress"));
    }

    public static HostAddress fromAsn1(ASN1Primitive value) throws KerberosFormatException {
        Fields fields = Fields.of(value, 1, "HostAddress");
        return new HostAddress(fields.int32(0, "addr-type"), fields.octets(1, "address"));
    }

    @Override
    public ASN1Primitive toAsn1() {
        return Der.sequence(Der.field(0, Der.integer(addrType)), Der.field(1, Der.octets(address)));
    }
}
