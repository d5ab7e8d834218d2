package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.RecordingLogger;

class RequestDispatcherTest {
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void dropsAndCountsMessagesWhenEveryWorkerIsBusyAndTheBacklogIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        try (DatagramChannel channel = DatagramChannel.open();
                RequestDispatcher dispatcher = new RequestDispatcher((message, responder) -> {
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, 1, 1, log.logger())) {
            UdpResponder responder = new UdpResponder(channel, new InetSocketAddress("127.0.0.1", 9));
            assertTrue(dispatcher.dispatch(Messages.query(1, 12), responder, finished::countDown));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(dispatcher.dispatch(Messages.query(2, 12), responder, finished::countDown), "waits in the backlog");
            assertFalse(dispatcher.dispatch(Messages.query(3, 12), responder, finished::countDown), "dropped");
            assertEquals(1, dispatcher.droppedCount());
            release.countDown();
            assertTrue(finished.await(10, TimeUnit.SECONDS), "the waiting message still runs");
        }
    }

    @Test
    void aFailingHandlerIsLoggedAndTheWorkerCarriesOn() throws Exception {
        CountDownLatch done = new CountDownLatch(2);
        try (DatagramChannel channel = DatagramChannel.open();
                RequestDispatcher dispatcher = new RequestDispatcher((message, responder) -> {
                    throw new IllegalStateException("handler bug");
                }, 1, 4, log.logger())) {
            UdpResponder responder = new UdpResponder(channel, new InetSocketAddress("127.0.0.1", 9));
            dispatcher.dispatch(Messages.query(1, 12), responder, done::countDown);
            dispatcher.dispatch(Messages.query(2, 12), responder, done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(2, log.count(LogLevel.ERROR, "handler bug"));
        }
    }
}
