package io.homeward.itests.netlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Does a datagram from the café laptop to the home's public endpoint reach the home host? A socat
 * listener on the home host's UDP port, and a sender in the laptop. Before each try the home gateway
 * forgets the tracked flows to that port: a flow it remembers keeps its old NAT binding (or lack of
 * one), so only a fresh flow shows what the gateway's rules do now.
 */
final class InboundProbe implements AutoCloseable {
    private final Process listener;
    private final StringBuilder received = new StringBuilder();

    private InboundProbe(Process listener) {
        this.listener = listener;
    }

    /** Listens on the home host (hw-home) on the UDP port; what arrives is kept until closed. */
    static InboundProbe listenAtHome(int port) throws IOException {
        return new InboundProbe(new ProcessBuilder("ip", "netns", "exec", "hw-home", "socat", "-u", "UDP-RECV:" + port, "-")
                .redirectErrorStream(true).start());
    }

    /** Sends the text from the laptop (bounded: {@code tries} sends, 0.5 s apart) until the listener printed it. */
    boolean deliveredFromLaptop(String address, int port, String text, int tries) throws IOException, InterruptedException {
        InputStream in = listener.getInputStream();
        for (int i = 0; i < tries; i++) {
            NetLab.in("hw-homegw", "conntrack", "-D", "-p", "udp", "--dport", Integer.toString(port));
            NetLab.in("hw-laptop", "bash", "-c", "printf '%s' '" + text + "' | socat -u - UDP-SENDTO:" + address + ":" + port);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < deadline) {
                if (in.available() > 0) {
                    received.append(new String(in.readNBytes(in.available()), StandardCharsets.UTF_8));
                    if (received.indexOf(text) >= 0) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        listener.destroyForcibly();
        listener.waitFor(10, TimeUnit.SECONDS);
    }
}
