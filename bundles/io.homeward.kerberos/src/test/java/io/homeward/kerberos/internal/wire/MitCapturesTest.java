package io.homeward.kerberos.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.List;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.cms.CMSSignedData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages MIT Kerberos 1.20 and the JDK's GSS acceptor produced decode, and encode again octet for octet. */
class MitCapturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"as-req", "krb-error-preauth-required", "as-req-enc-timestamp", "as-rep", "tgs-req",
        "tgs-rep", "krb-error-s-principal-unknown", "krb-error-pkinit-preauth-required", "as-req-pkinit",
        "as-rep-pkinit"})
    void everyCapturedMessageEncodesAsItCame(String name) throws KerberosFormatException {
        byte[] captured = Resources.mit(name);
        assertArrayEquals(captured, KerberosMessage.decode(captured).encode());
    }

    @Test
    void theFirstAsRequestAsksForTheTicketGrantingTicket() throws KerberosFormatException {
        KdcReq request = (KdcReq) KerberosMessage.decode(Resources.mit("as-req"));
        assertEquals(KerberosMessage.AS_REQ, request.messageType());
        KdcReqBody body = request.body();
        assertEquals("K2.TEST", body.realm());
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice"), body.cname().orElseThrow());
        assertEquals(PrincipalName.ticketGrantingService("K2.TEST"), body.sname().orElseThrow());
        assertTrue(body.etypes().containsAll(List.of(18, 20)), body.etypes().toString());
        assertTrue(body.nonce() >= 0 && body.nonce() <= 0x7fff_ffffL);
        assertTrue(request.padata(PaData.PA_REQ_ENC_PA_REP).isPresent());
        assertArrayEquals(body.encode(), request.bodyDer());
    }

    @Test
    void preauthRequiredListsTheMethodsAndTheSalt() throws KerberosFormatException {
        KrbError error = KrbError.decode(Resources.mit("krb-error-preauth-required"));
        assertEquals(ErrorCodes.KDC_ERR_PREAUTH_REQUIRED, error.errorCode());
        List<PaData> methods = error.methodData();
        assertTrue(PaData.find(methods, PaData.PA_ENC_TIMESTAMP).isPresent());
        List<EtypeInfo2Entry> etypes =
                EtypeInfo2Entry.decodeList(PaData.find(methods, PaData.PA_ETYPE_INFO2).orElseThrow().value());
        assertEquals("K2.TESTalice", etypes.get(0).salt().orElseThrow());
        assertArrayEquals(Resources.mit("krb-error-preauth-required"), error.encode());
    }

    @Test
    void theAsReplyHoldsTheTicketGrantingTicket() throws KerberosFormatException {
        KdcRep reply = KdcRep.decode(Resources.mit("as-rep"));
        assertEquals(KerberosMessage.AS_REP, reply.messageType());
        assertEquals(PrincipalName.ticketGrantingService("K2.TEST"), reply.ticket().sname());
        assertTrue(reply.padata(PaData.PA_ETYPE_INFO2).isPresent());
    }

    @Test
    void theTgsRequestCarriesAnApRequestWithTheTicketGrantingTicket() throws KerberosFormatException {
        KdcReq request = KdcReq.decode(Resources.mit("tgs-req"));
        assertEquals(KerberosMessage.TGS_REQ, request.messageType());
        ApReq apReq = ApReq.decode(request.padata(PaData.PA_TGS_REQ).orElseThrow().value());
        assertEquals(PrincipalName.ticketGrantingService("K2.TEST"), apReq.ticket().sname());
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "HTTP", "localhost"),
                request.body().sname().orElseThrow());
        assertArrayEquals(request.body().encode(), request.bodyDer());
    }

    @Test
    void anUnknownServiceIsRefusedByName() throws KerberosFormatException {
        KrbError error = KrbError.decode(Resources.mit("krb-error-s-principal-unknown"));
        assertEquals(ErrorCodes.KDC_ERR_S_PRINCIPAL_UNKNOWN, error.errorCode());
    }

    @Test
    void curlsNegotiateTokenCarriesAnApRequestWithTheGssChecksum() throws KerberosFormatException {
        byte[] captured = Resources.mit("spnego-neg-token-init");
        NegTokenInit init = assertInstanceOf(NegTokenInit.class, SpnegoToken.decode(captured));
        assertEquals(GssMechanisms.KERBEROS_V5, init.mechTypes().get(0));
        GssKerberosToken token = GssKerberosToken.decode(init.mechToken().orElseThrow());
        ApReq apReq = assertInstanceOf(ApReq.class, token.message());
        assertTrue(apReq.apOptions().has(ApOptions.MUTUAL_REQUIRED));
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "HTTP", "localhost"), apReq.ticket().sname());
        assertArrayEquals(captured, init.encode());
    }

    @Test
    void theJdkAcceptorsAnswerCarriesAnApReply() throws KerberosFormatException {
        byte[] captured = Resources.mit("spnego-neg-token-resp");
        NegTokenResp resp = assertInstanceOf(NegTokenResp.class, SpnegoToken.decode(captured));
        assertEquals(NegTokenResp.NegState.ACCEPT_COMPLETED, resp.negState().orElseThrow());
        assertEquals(GssMechanisms.KERBEROS_V5, resp.supportedMech().orElseThrow());
        GssKerberosToken token = GssKerberosToken.decode(resp.responseToken().orElseThrow());
        assertInstanceOf(ApRep.class, token.message());
        assertArrayEquals(captured, resp.encode());
    }

    @Test
    void theDecryptedPartsEncodeAsTheyCame() throws KerberosFormatException {
        byte[] encAsRepPart = Resources.mit("enc-as-rep-part");
        assertArrayEquals(encAsRepPart, EncKdcRepPart.decode(encAsRepPart).encode());
        byte[] encTicketPart = Resources.mit("enc-ticket-part");
        assertArrayEquals(encTicketPart, EncTicketPart.decode(encTicketPart).encode());
        byte[] tgsAuthenticator = Resources.mit("authenticator-tgs-req");
        assertArrayEquals(tgsAuthenticator, Authenticator.decode(tgsAuthenticator).encode());
        byte[] gssAuthenticator = Resources.mit("authenticator-gss");
        assertArrayEquals(gssAuthenticator, Authenticator.decode(gssAuthenticator).encode());
        byte[] encApRepPart = Resources.mit("enc-ap-rep-part");
        assertArrayEquals(encApRepPart, EncApRepPart.decode(encApRepPart).encode());
    }

    @Test
    void theAsReplysEncryptedPartEchoesTheNonceOfTheRequest() throws KerberosFormatException {
        EncKdcRepPart part = EncKdcRepPart.decode(Resources.mit("enc-as-rep-part"));
        KdcReq request = KdcReq.decode(Resources.mit("as-req-enc-timestamp"));
        assertEquals(request.body().nonce(), part.nonce());
        assertEquals(EncKdcRepPart.ENC_TGS_REP_PART, part.applicationTag(), "MIT answers AS with EncTGSRepPart");
        assertEquals(PrincipalName.ticketGrantingService("K2.TEST"), part.sname());
        assertTrue(part.flags().has(TicketFlags.INITIAL) && part.flags().has(TicketFlags.PRE_AUTHENT));
        assertEquals(java.time.Duration.ofHours(10), java.time.Duration.between(part.authtime(), part.endtime()));
    }

    @Test
    void theServiceTicketNamesAliceAndHoldsTheSessionKey() throws KerberosFormatException {
        EncTicketPart part = EncTicketPart.decode(Resources.mit("enc-ticket-part"));
        assertEquals("K2.TEST", part.crealm());
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice"), part.cname());
        assertEquals(32, part.key().keyValue().length);
    }

    @Test
    void theTgsAuthenticatorChecksumsTheRequestBody() throws KerberosFormatException {
        Authenticator authenticator = Authenticator.decode(Resources.mit("authenticator-tgs-req"));
        assertEquals(PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice"), authenticator.cname());
        assertTrue(authenticator.cksum().isPresent() && authenticator.subkey().isPresent());
    }

    @Test
    void curlsAuthenticatorCarriesTheGssChecksumWithMutualAuthentication() throws KerberosFormatException {
        Authenticator authenticator = Authenticator.decode(Resources.mit("authenticator-gss"));
        Checksum checksum = authenticator.cksum().orElseThrow();
        GssChecksum gss = GssChecksum.from(checksum);
        assertTrue(gss.has(GssChecksum.MUTUAL_FLAG));
        assertArrayEquals(new byte[16], gss.bindings());
        assertArrayEquals(checksum.checksum(), gss.encode());
        assertTrue(authenticator.seqNumber().isPresent());
    }

    @Test
    void thePkinitRequestsPaChecksumIsTheSha1OfTheBodyAsReceived() throws Exception {
        KdcReq request = KdcReq.decode(Resources.mit("as-req-pkinit"));
        byte[] paPkAsReq = request.padata(PaData.PA_PK_AS_REQ).orElseThrow().value();
        ASN1TaggedObject signedAuthPack =
                (ASN1TaggedObject) ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(paPkAsReq)).getObjectAt(0);
        byte[] contentInfo = ASN1OctetString.getInstance(signedAuthPack, false).getOctets();
        byte[] authPack = (byte[]) new CMSSignedData(contentInfo).getSignedContent().getContent();
        ASN1Sequence pkAuthenticator = ASN1Sequence.getInstance(
                ASN1TaggedObject.getInstance(ASN1Sequence.getInstance(authPack).getObjectAt(0)).getExplicitBaseObject());
        long nonce = ASN1Integer.getInstance(ASN1TaggedObject.getInstance(pkAuthenticator.getObjectAt(2))
                .getExplicitBaseObject()).getValue().longValueExact();
        byte[] paChecksum = ASN1OctetString.getInstance(ASN1TaggedObject.getInstance(pkAuthenticator.getObjectAt(3))
                .getExplicitBaseObject()).getOctets();
        assertEquals(request.body().nonce(), nonce);
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(request.bodyDer()), paChecksum);
    }

    @Test
    void thePkinitReplyCarriesPaPkAsRep() throws KerberosFormatException {
        KdcRep reply = KdcRep.decode(Resources.mit("as-rep-pkinit"));
        assertTrue(reply.padata(PaData.PA_PK_AS_REP).isPresent());
        KrbError error = KrbError.decode(Resources.mit("krb-error-pkinit-preauth-required"));
        List<PaData> methods = error.methodData();
        assertTrue(PaData.find(methods, PaData.PA_PK_AS_REQ).isPresent());
        assertTrue(PaData.find(methods, PaData.PA_AS_FRESHNESS).orElseThrow().value().length > 0);
    }
}
