package io.homeward.itests.netlab;

import java.util.concurrent.TimeUnit;

/** {@code iperf3 -s -1} on a host's ULA: serves one test, then exits; closing kills it if it has not. */
record IperfServer(Process process) implements AutoCloseable {

    static IperfServer start(String namespace, String address) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", namespace, "iperf3", "-s", "-1", "-B", address)
                .redirectErrorStream(true).start();
        Thread.sleep(500);
        return new IperfServer(p);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
