package io.homeward.kerberos.internal.service;

import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.homeward.api.kerberos.AuthenticatedClient;
import io.homeward.api.kerberos.AuthenticationRefusedException;
import io.homeward.kerberos.internal.crypto.BadIntegrityException;
import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.crypto.KerberosKey;
import io.homeward.kerberos.internal.crypto.KeyUsage;
import io.homeward.kerberos.internal.replay.ReplayCache;
import io.homeward.kerberos.internal.replay.ReplayKey;
import io.homeward.kerberos.internal.wire.ApOptions;
import io.homeward.kerberos.internal.wire.ApReq;
import io.homeward.kerberos.internal.wire.Authenticator;
import io.homeward.kerberos.internal.wire.Checksum;
import io.homeward.kerberos.internal.wire.EncTicketPart;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.ErrorCodes;
import io.homeward.kerberos.internal.wire.GssChecksum;
import io.homeward.kerberos.internal.wire.KerberosFormatException;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.TicketFlags;

/**
 * A service's checks of an AP-REQ, in the order of RFC 4120 §3.2.3: the ticket is for this service, opens under the
 * service key and the authenticator under its session key, both name the same client, the authenticator is fresh
 * and new, the ticket is in its lifetime; for GSS-API (RFC 4121 §4.1.1) the authenticator carries the 0x8003
 * checksum without channel bindings. Every refusal is an {@link AuthenticationRefusedException} with the KRB-ERROR
 * code of RFC 4120 §7.5.9 and a one-line reason. Thread-safe.
 */
final class ApRequestCheck {
    /** RFC 4120 §7.5.9 KDC_ERR_SVC_UNAVAILABLE: the replay cache is full, the client may try again. */
    static final int KDC_ERR_SVC_UNAVAILABLE = 29;

    /** What an accepted AP-REQ gives the AP-REP and the caller. */
    record Accepted(AuthenticatedClient client, KerberosKey sessionKey, Authenticator authenticator,
            boolean mutualRequested) {
    }

    private final String realm;
    private final PrincipalName service;
    private final String servicePrincipal;
    private final ServiceKeys keys;
    private final ReplayCache replayCache;
    private final Clock clock;
    private final Duration skew;
    private final ClientUsers users;
    private final KerberosCipher cipher;

    ApRequestCheck(String realm, PrincipalName service, ServiceKeys keys, ReplayCache replayCache, Clock clock,
            Duration skew, ClientUsers users, KerberosCipher cipher) {
        this.realm = realm;
        this.service = service;
        this.servicePrincipal = service + "@" + realm;
        this.keys = keys;
        this.replayCache = replayCache;
        this.clock = clock;
        this.skew = skew;
        this.users = users;
        this.cipher = cipher;
    }

    String servicePrincipal() {
        return servicePrincipal;
    }

    /**
     * @param gss whether the AP-REQ came in a GSS-API token, whose authenticator must carry the 0x8003 checksum
     */
    Accepted check(ApReq request, boolean gss) throws AuthenticationRefusedException {
        if (request.apOptions().has(ApOptions.USE_SESSION_KEY)) {
            throw refused(ErrorCodes.KRB_AP_ERR_METHOD, "user-to-user tickets (use-session-key) are not accepted");
        }
        List<String> sname = request.ticket().sname().components();
        if (!request.ticket().realm().equals(realm) || !sname.equals(service.components())) {
            throw refused(ErrorCodes.KRB_AP_ERR_NOT_US, "the ticket is for " + String.join("/", sname) + "@"
                    + request.ticket().realm() + ", not " + servicePrincipal);
        }
        EncTicketPart ticket = openTicket(request.ticket().encPart());
        KerberosKey sessionKey = sessionKey(ticket);
        Authenticator authenticator = openAuthenticator(sessionKey, request.authenticator());
        String client = ticket.cname() + "@" + ticket.crealm();
        if (!authenticator.crealm().equals(ticket.crealm())
                || !authenticator.cname().components().equals(ticket.cname().components())) {
            throw refused(ErrorCodes.KRB_AP_ERR_BADMATCH, "the authenticator names " + authenticator.cname() + "@"
                    + authenticator.crealm() + ", the ticket " + client);
        }
        Instant now = clock.instant();
        if (Duration.between(authenticator.ctime(), now).abs().compareTo(skew) > 0) {
            throw refused(ErrorCodes.KRB_AP_ERR_SKEW, "the client's clock says " + authenticator.ctime()
                    + ", this host's " + now + ": more than " + skew.toSeconds() + " s apart");
        }
        admit(client, authenticator, request.authenticator().cipher());
        checkLifetime(ticket, now);
        boolean mutual = request.apOptions().has(ApOptions.MUTUAL_REQUIRED);
        if (gss) {
            mutual |= gssChecksum(authenticator).has(GssChecksum.MUTUAL_FLAG);
        }
        String user = users.user(ticket.crealm(), ticket.cname()).orElseThrow(() -> refused(
                ErrorCodes.KDC_ERR_C_PRINCIPAL_UNKNOWN, client + " is not a user of this host"));
        return new Accepted(new AuthenticatedClient(client, user, ticket.authtime(), ticket.endtime()), sessionKey,
                authenticator, mutual);
    }

    private EncTicketPart openTicket(EncryptedData encPart) throws AuthenticationRefusedException {
        ServiceKeys.Lookup lookup = keys.key(encPart.kvno(), encPart.etype());
        if (lookup instanceof ServiceKeys.UnknownVersion unknown) {
            throw refused(ErrorCodes.KRB_AP_ERR_BADKEYVER, "the ticket is sealed with key version "
                    + (encPart.kvno().isPresent() ? encPart.kvno().getAsLong() : "(none given)") + " of "
                    + servicePrincipal + ", whose key version is " + unknown.current());
        }
        if (!(lookup instanceof ServiceKeys.Found found)) {
            throw refused(ErrorCodes.KDC_ERR_ETYPE_NOSUPP, "the ticket is sealed with encryption type "
                    + encPart.etype() + ", for which " + servicePrincipal + " has no key");
        }
        KerberosKey key = found.key();
        byte[] plaintext = decrypt(key, KeyUsage.TICKET, encPart.cipher(), "the ticket");
        try {
            return EncTicketPart.decode(plaintext);
        } catch (KerberosFormatException e) {
            throw refused(e.errorCode(), "the ticket: " + e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static KerberosKey sessionKey(EncTicketPart ticket) throws AuthenticationRefusedException {
        Optional<EncryptionType> type = EncryptionType.of(ticket.key().keyType());
        if (type.isEmpty()) {
            throw refused(ErrorCodes.KDC_ERR_ETYPE_NOSUPP,
                    "the ticket's session key is of encryption type " + ticket.key().keyType());
        }
        try {
            return KerberosKey.of(type.get(), ticket.key().keyValue());
        } catch (InvalidKeyException e) {
            throw refused(ErrorCodes.KRB_ERR_GENERIC, "the ticket's session key: " + e.getMessage());
        }
    }

    private Authenticator openAuthenticator(KerberosKey sessionKey, EncryptedData encrypted)
            throws AuthenticationRefusedException {
        if (encrypted.etype() != sessionKey.type().number()) {
            throw refused(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, "the authenticator is of encryption type "
                    + encrypted.etype() + ", the session key of " + sessionKey.type().number());
        }
        byte[] plaintext = decrypt(sessionKey, KeyUsage.AP_REQ_AUTHENTICATOR, encrypted.cipher(), "the authenticator");
        try {
            return Authenticator.decode(plaintext);
        } catch (KerberosFormatException e) {
            throw refused(e.errorCode(), "the authenticator: " + e.getMessage());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext, String what)
            throws AuthenticationRefusedException {
        try {
            return cipher.decrypt(key, usage, ciphertext);
        } catch (BadIntegrityException e) {
            throw refused(ErrorCodes.KRB_AP_ERR_BAD_INTEGRITY, what + " fails its integrity check (another key, or"
                    + " modified): " + e.getMessage());
        }
    }

    private void admit(String client, Authenticator authenticator, byte[] ciphertext)
            throws AuthenticationRefusedException {
        switch (replayCache.admit(ReplayKey.of(client, servicePrincipal, authenticator.ctime(), authenticator.cusec(),
                ciphertext))) {
            case ADMITTED -> {
            }
            case REPLAYED -> throw refused(ErrorCodes.KRB_AP_ERR_REPEAT,
                    "a replayed authenticator of " + client + " made at " + authenticator.ctime());
            case OUTSIDE_SKEW -> throw refused(ErrorCodes.KRB_AP_ERR_SKEW,
                    "the authenticator of " + client + " was made at " + authenticator.ctime()
                            + ", outside the replay cache's clock skew window");
            case FULL -> throw refused(KDC_ERR_SVC_UNAVAILABLE,
                    "the replay cache is full of recent authenticators; try again shortly");
        }
    }

    /** RFC 4120 §3.2.3: starttime (or authtime) not later than now, endtime not earlier, each within the skew. */
    private void checkLifetime(EncTicketPart ticket, Instant now) throws AuthenticationRefusedException {
        Instant start = ticket.starttime().orElse(ticket.authtime());
        if (ticket.flags().has(TicketFlags.INVALID) || start.isAfter(now.plus(skew))) {
            throw refused(ErrorCodes.KRB_AP_ERR_TKT_NYV, "the ticket is not valid before " + start
                    + (ticket.flags().has(TicketFlags.INVALID) ? " (marked invalid)" : ""));
        }
        if (ticket.endtime().isBefore(now.minus(skew))) {
            throw refused(ErrorCodes.KRB_AP_ERR_TKT_EXPIRED, "the ticket expired at " + ticket.endtime());
        }
    }

    /** RFC 4121 §4.1.1: the checksum 0x8003; channel bindings must be absent (all zero), this service has none. */
    private static GssChecksum gssChecksum(Authenticator authenticator) throws AuthenticationRefusedException {
        Checksum checksum = authenticator.cksum().orElseThrow(() -> refused(ErrorCodes.KRB_AP_ERR_INAPP_CKSUM,
                "the GSS-API authenticator has no checksum (RFC 4121 §4.1.1 requires type 0x8003)"));
        GssChecksum gss;
        try {
            gss = GssChecksum.from(checksum);
        } catch (KerberosFormatException e) {
            throw refused(e.errorCode(), "the authenticator checksum: " + e.getMessage());
        }
        for (byte octet : gss.bindings()) {
            if (octet != 0) {
                throw refused(ErrorCodes.KRB_AP_ERR_MODIFIED,
                        "the client binds the context to a channel (RFC 4121 §4.1.1.2) this service does not have");
            }
        }
        return gss;
    }

    static AuthenticationRefusedException refused(int code, String reason) {
        return new AuthenticationRefusedException(code, reason);
    }
}
