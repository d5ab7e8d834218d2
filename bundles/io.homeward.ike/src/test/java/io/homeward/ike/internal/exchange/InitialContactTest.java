package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.crypto.KeyExchange;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.KePayload;
import io.homeward.ike.internal.wire.NoncePayload;
import io.homeward.ike.internal.wire.NotifyPayload;
import io.homeward.ike.internal.wire.NotifyType;
import io.homeward.ike.internal.wire.Payload;
import io.homeward.ike.internal.wire.Proposal;
import io.homeward.ike.internal.wire.SaPayload;

/**
 * INITIAL_CONTACT (RFC 7296 §2.4): an engine's first IKE_AUTH with a peer carries it, request or response, and the
 * peer's IKE_AUTH that carries it and authenticates closes the older IKE SAs with that peer here, without DELETE.
 * Nothing else closes anything: a later IKE SA of the same engine, the notify in another exchange, a peer that fails
 * authentication, or IKE SAs both hosts start at once after a restart.
 */
class InitialContactTest {
    private static final String ANNOUNCED = "announced INITIAL_CONTACT";
    private static final String FORGOTTEN = "the peer restarted and forgot its IKE SA";
    private final IkeLab lab = new IkeLab();

    @Test
    void theFirstIkeAuthEachWaySaysInitialContactAndLaterIkeSasOfTheSameEnginesDoNot() {
        long first = lab.initiate();
        lab.run();
        assertEquals(1, lab.home.log.count(LogLevel.DEBUG, ANNOUNCED), "in the laptop's request");
        assertEquals(1, lab.laptop.log.count(LogLevel.DEBUG, ANNOUNCED), "in home's response");

        long second = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();
        long third = lab.home.engine.initiate(lab.laptop.fqdn, lab.laptop.ula, lab.laptop.endpoint);
        lab.run();

        assertEquals(1, lab.home.log.count(LogLevel.DEBUG, ANNOUNCED), lab.home.log.toString());
        assertEquals(1, lab.laptop.log.count(LogLevel.DEBUG, ANNOUNCED), lab.laptop.log.toString());
        assertEquals(Set.of(first, second, third), initiatorSpis(lab.laptop));
        assertEquals(Set.of(first, second, third), initiatorSpis(lab.home));
    }

    @Test
    void aRestartedInitiatorMakesTheResponderCloseItsOlderIkeSaWithoutDelete() {
        lab.initiate();
        lab.run();
        lab.laptop.start();
        int before = lab.sent.size();

        long fresh = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();

        assertEquals(Set.of(fresh), initiatorSpis(lab.home));
        assertEquals(Set.of(fresh), initiatorSpis(lab.laptop));
        assertEquals(FORGOTTEN, lab.home.closedTold.get(0));
        assertTrue(lab.home.closedTold.get(1).startsWith("its peer " + lab.laptop.fqdn + " restarted (INITIAL_CONTACT on"
                + " IKE SA "), lab.home.closedTold.toString());
        assertTrue(lab.home.log.has(LogLevel.INFO, "closed without DELETE (RFC 7296 §2.4)"), lab.home.log.toString());
        assertEquals(4, lab.sent.size() - before, "IKE_SA_INIT and IKE_AUTH; no DELETE");
    }

    @Test
    void aRestartedRespondersAnswerMakesTheInitiatorCloseItsOlderIkeSa() {
        lab.initiate();
        lab.run();
        lab.home.start();

        long fresh = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();

        assertEquals(1, lab.home.log.count(LogLevel.DEBUG, ANNOUNCED), "the laptop's engine had been in contact");
        assertEquals(Set.of(fresh), initiatorSpis(lab.laptop));
        assertEquals(FORGOTTEN, lab.laptop.closedTold.get(0));
        assertEquals(2, lab.laptop.closedTold.size(), lab.laptop.closedTold.toString());
    }

    @Test
    void bothStartingAtOnceAfterARestartKeepBothNewIkeSasAndCloseOnlyTheForgottenOne() {
        long old = lab.initiate();
        lab.run();
        lab.home.start();

        long fromLaptop = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        long fromHome = lab.home.engine.initiate(lab.laptop.fqdn, lab.laptop.ula, lab.laptop.endpoint);
        lab.run();

        assertEquals(Set.of(fromLaptop, fromHome), initiatorSpis(lab.laptop), "not " + old + " any more");
        assertEquals(Set.of(fromLaptop, fromHome), initiatorSpis(lab.home));
        assertTrue(lab.laptop.status().stream().allMatch(sa -> sa.state() == IkeSaState.ESTABLISHED));
        assertEquals(FORGOTTEN, lab.laptop.closedTold.get(0));
        assertEquals(2, lab.laptop.closedTold.size(), lab.laptop.closedTold.toString());
        assertTrue(lab.home.closedTold.isEmpty(), lab.home.closedTold.toString());
    }

    @Test
    void bothFreshStartingAtOnceSayInitialContactAndCloseNothing() {
        lab.laptop.start();
        lab.home.start();

        long fromLaptop = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        long fromHome = lab.home.engine.initiate(lab.laptop.fqdn, lab.laptop.ula, lab.laptop.endpoint);
        lab.run();

        assertEquals(Set.of(fromLaptop, fromHome), initiatorSpis(lab.laptop));
        assertEquals(Set.of(fromLaptop, fromHome), initiatorSpis(lab.home));
        assertTrue(lab.laptop.log.has(LogLevel.DEBUG, ANNOUNCED) && lab.home.log.has(LogLevel.DEBUG, ANNOUNCED));
        assertTrue(lab.laptop.closedTold.isEmpty(), lab.laptop.closedTold.toString());
        assertTrue(lab.home.closedTold.isEmpty(), lab.home.closedTold.toString());
    }

    @Test
    void initialContactInAnInformationalOrAChildSaRekeyClosesNothing() {
        long first = lab.initiate();
        lab.run();
        long second = lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();
        IkeSa sa = lab.laptop.engine.sa(second).orElseThrow();
        List<List<Payload>> answers = new ArrayList<>();

        assertTrue(sa.request(new LocalRequest(ExchangeType.INFORMATIONAL,
                List.of(NotifyPayload.of(NotifyType.INITIAL_CONTACT)), answers::add, "INITIAL_CONTACT alone")));
        assertTrue(sa.request(rekeyWithInitialContact(sa, answers::add)));
        lab.run();

        assertEquals(2, answers.size());
        assertTrue(answers.get(1).stream().anyMatch(SaPayload.class::isInstance), "answered as a rekey");
        assertEquals(3, lab.home.childrenTold.size(), "two first Child SAs and the rekeyed one");
        assertEquals(Set.of(first, second), initiatorSpis(lab.home));
        assertEquals(0, lab.home.log.count(LogLevel.INFO, "closed without DELETE"));
    }

    @Test
    void initialContactOfAnInitiatorThatFailsAuthenticationClosesNothing() {
        long old = lab.initiate();
        lab.run();
        lab.laptop.certificate = otherAccount(lab, "laptop", lab.laptop);
        lab.laptop.start();

        lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();

        assertTrue(lab.home.log.has(LogLevel.WARN, "rule OTHER_CA"), lab.home.log.toString());
        assertEquals(Set.of(old), initiatorSpis(lab.home));
        assertEquals(1, lab.home.database.installed.size());
        assertEquals(List.of("the initiator failed authentication"), lab.home.closedTold);
    }

    @Test
    void initialContactOfAResponderThatFailsAuthenticationClosesNothing() {
        long old = lab.initiate();
        lab.run();
        lab.home.certificate = otherAccount(lab, "home", lab.home);
        lab.home.start();

        lab.laptop.engine.initiate(lab.home.fqdn, lab.home.ula, lab.home.endpoint);
        lab.run();

        assertTrue(lab.laptop.log.has(LogLevel.WARN, "rule OTHER_CA"), lab.laptop.log.toString());
        assertEquals(Set.of(old), initiatorSpis(lab.laptop));
        assertEquals(List.of("the responder failed authentication"), lab.laptop.closedTold);
    }

    /** A rekey of the IKE SA's Child SA as ChildRekey makes it (RFC 7296 §1.3.3), with N(INITIAL_CONTACT) first. */
    private static LocalRequest rekeyWithInitialContact(IkeSa sa, Consumer<List<Payload>> answered) {
        ChildSa old = sa.children.get(0);
        KeyExchange exchange = sa.suite.group().generate(sa.context.random());
        List<Payload> payloads = List.of(NotifyPayload.of(NotifyType.INITIAL_CONTACT),
                new NotifyPayload(Proposal.ESP, ByteBuffer.allocate(4).putInt(old.spec.inboundSpi()).array(),
                        NotifyType.REKEY_SA.code(), new byte[0]),
                sa.context.settings().childProposals().rekeyOffer(sa.reserveSpi(), Optional.of(exchange.group())),
                new NoncePayload(sa.context.nonce()), new KePayload(exchange.group().transformId(),
                        exchange.publicValue()),
                TrafficSelectors.of(false, sa.context.host().ula()), TrafficSelectors.of(true, old.spec.peer()));
        return new LocalRequest(ExchangeType.CREATE_CHILD_SA, payloads, answered, "rekey with INITIAL_CONTACT");
    }

    /** A certificate for the node's name and keys from another account's CA. */
    private static X509Certificate otherAccount(IkeLab lab, String host, IkeLab.Node node) {
        Instant now = lab.clock.instant();
        return new TestPki("Homeward account CA for members.example", now).host(node.keys, host, IkeLab.USER, now);
    }

    private static Set<Long> initiatorSpis(IkeLab.Node node) {
        return node.status().stream().map(IkeSaStatus::initiatorSpi).collect(Collectors.toSet());
    }
}
