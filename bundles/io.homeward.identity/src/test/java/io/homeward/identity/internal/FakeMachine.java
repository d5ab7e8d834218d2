package io.homeward.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A machine whose interfaces, files and resolver answers a test sets. */
final class FakeMachine implements Machine {
    final List<NetworkLink> links = new ArrayList<>();
    final Map<String, String> files = new HashMap<>();
    String resolvedName = "resolved.example";

    FakeMachine link(String name, boolean up, boolean loopback, boolean virtual, int... mac) {
        byte[] bytes = new byte[mac.length];
        for (int i = 0; i < mac.length; i++) {
            bytes[i] = (byte) mac[i];
        }
        links.add(new NetworkLink(name, up, loopback, virtual, bytes));
        return this;
    }

    FakeMachine defaultRouteVia(String name) {
        files.put(IdentityGenerator.ROUTE_TABLE,
                "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
                        + name + "\t00000000\t0101A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n");
        return this;
    }

    @Override
    public List<NetworkLink> links() {
        return List.copyOf(links);
    }

    @Override
    public Optional<String> readFile(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public String localHostName() throws IOException {
        if (resolvedName == null) {
            throw new IOException("resolver unavailable");
        }
        return resolvedName;
    }
}
