package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.api.registration.RegistrationState;

class RegistrationTextTest {
    @Test
    void showsThePublishedRecordsAndLease() {
        HostRecordSet set = TestInputs.set("laptop", TestInputs.PUBLIC, 61_000);
        RegistrationState state = new RegistrationState(Optional.of(new Registration(set,
                Instant.parse("2026-01-01T01:30:00Z"), "127.0.0.1:8853")),
                new PublishedRecords(set).additions().stream().map(Object::toString).toList(), "failed: <script>",
                Optional.empty(), Optional.empty(), "UDP 4500 mapped by pcp");
        String text = RegistrationText.render(state);
        assertTrue(text.contains("Published:     laptop in alice.members.example. on 127.0.0.1:8853"), text);
        assertTrue(text.contains("Lease expires: 2026-01-01T01:30:00Z"), text);
        assertTrue(text.contains("SRV\t0 0 61000 AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example."), text);
        assertTrue(text.contains("Next attempt:  none scheduled"), text);
    }

    @Test
    void nothingPublishedIsSaid() {
        String text = RegistrationText.render(new RegistrationState(Optional.empty(), List.of(), "not signed in",
                Optional.empty(), Optional.empty(), ""));
        assertTrue(text.contains("Published:     nothing"), text);
        assertTrue(text.contains("Endpoint from: -"), text);
    }
}
