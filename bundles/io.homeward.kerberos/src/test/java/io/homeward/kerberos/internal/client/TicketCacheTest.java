package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.homeward.kerberos.internal.crypto.EncryptionType;
import io.homeward.kerberos.internal.crypto.KerberosCipher;
import io.homeward.kerberos.internal.wire.EncryptedData;
import io.homeward.kerberos.internal.wire.PrincipalName;
import io.homeward.kerberos.internal.wire.Ticket;
import io.homeward.testkit.MutableClock;

class TicketCacheTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";
    private final MutableClock clock = new MutableClock();
    private final KerberosCipher cipher = new KerberosCipher(new SecureRandom());

    private ClientTicket ticket(String service, Duration life) {
        Instant now = clock.instant();
        PrincipalName sname = PrincipalName.of(PrincipalName.NT_SRV_HST, service, "home.alice.members.example");
        return new ClientTicket(REALM, PrincipalName.of(PrincipalName.NT_PRINCIPAL, "alice"), REALM, sname,
                new Ticket(REALM, sname, new EncryptedData(18, OptionalLong.empty(), new byte[40])),
                cipher.randomKey(EncryptionType.AES256_CTS_HMAC_SHA1_96), now, now.plus(life));
    }

    private static String server(String service) {
        return service + "/home.alice.members.example@" + REALM;
    }

    @Test
    void aTicketIsUsableUntilTheMarginBeforeItsEndAndListedUntilItsEnd() {
        TicketCache cache = new TicketCache(4, Duration.ofMinutes(5), clock);
        cache.keep(ticket("HTTP", Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(54));
        assertTrue(cache.usable(server("HTTP")).isPresent());
        assertEquals(1, cache.held().size());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(cache.usable(server("HTTP")).isEmpty(), "within the margin");
        assertTrue(cache.usable(server("other")).isEmpty());
    }

    @Test
    void aFullCacheDropsTheEndedThenTheTicketEndingFirst() {
        TicketCache cache = new TicketCache(2, Duration.ZERO, clock);
        cache.keep(ticket("a", Duration.ofHours(3)));
        cache.keep(ticket("b", Duration.ofHours(1)));
        cache.keep(ticket("c", Duration.ofHours(2)));
        assertEquals(List.of(server("a"), server("c")), cache.held().stream().map(ClientTicket::server).toList());

        clock.advance(Duration.ofHours(2));
        cache.keep(ticket("d", Duration.ofMinutes(1)));
        cache.keep(ticket("e", Duration.ofHours(5)));
        assertEquals(List.of(server("a"), server("e")), cache.held().stream().map(ClientTicket::server).toList());

        cache.keep(ticket("a", Duration.ofHours(1)));
        assertEquals(2, cache.held().size(), "a newer ticket for the same server replaces the older");
        cache.forget(server("a"));
        assertEquals(List.of(server("e")), cache.held().stream().map(ClientTicket::server).toList());
        cache.clear();
        assertEquals(List.of(), cache.held());
    }

    @Test
    void aCacheHoldsAtLeastOneTicket() {
        assertThrows(IllegalArgumentException.class, () -> new TicketCache(0, Duration.ZERO, clock));
    }
}
