package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.kerberos.HeldTicket;

class TicketsCommandTest {

    @Test
    void theTableListsClientServerTimesAndEnctype() {
        assertEquals("no tickets held", TicketsCommand.table(List.of()));
        String table = TicketsCommand.table(List.of(new HeldTicket("alice@HOME.ALICE.MEMBERS.EXAMPLE",
                "HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T10:00:00Z"), "aes256-cts-hmac-sha384-192")));
        String[] lines = table.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("client") && lines[0].contains("server") && lines[0].endsWith("enctype"));
        assertTrue(lines[1].startsWith("alice@HOME.ALICE.MEMBERS.EXAMPLE ") && lines[1].contains(
                " HTTP/home.alice.members.example@HOME.ALICE.MEMBERS.EXAMPLE ") && lines[1].contains(
                "2026-01-01T10:00:00Z") && lines[1].endsWith("aes256-cts-hmac-sha384-192"), lines[1]);
    }
}
