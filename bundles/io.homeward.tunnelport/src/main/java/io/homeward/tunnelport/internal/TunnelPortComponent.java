package io.homeward.tunnelport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChangeListener;
import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.ReflexiveEndpointListener;
import io.homeward.api.tunnel.TunnelDatagramHandler;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.api.tunnel.TunnelPortReport;
import io.homeward.api.tunnel.TunnelPortStatus;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.nio.ArrayViews;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.stun.StunBinding;

/**
 * The tunnel's UDP port. One receive thread reads datagrams and hands them on by kind; one scheduler thread
 * runs STUN discovery and tells listeners when the public endpoint changes.
 */
@Component(service = {TunnelPort.class, NetworkChangeListener.class, TunnelPortStatus.class},
        configurationPid = "io.homeward.tunnelport")
@Designate(ocd = TunnelPortComponent.Config.class)
public class TunnelPortComponent implements TunnelPort, NetworkChangeListener, TunnelPortStatus {
    @ObjectClassDefinition(name = "Homeward tunnel port",
            description = "The UDP port that carries the tunnel (ESP and IKE) and how its public endpoint is learned.")
    public @interface Config {
        @AttributeDefinition(description = "Local UDP port of the tunnel (1024 to 65535; routers refuse to map lower "
                + "ports). The port mapping maps this port and the public endpoint names it; peers send here.")
        int port() default 4500;

        @AttributeDefinition(description = "Local address to bind; 0.0.0.0 keeps working when the host moves "
                + "between networks.")
        String bindAddress() default "0.0.0.0";

        @AttributeDefinition(required = false, description = "address:port of a STUN server (RFC 8489), normally "
                + "the rendezvous host on 3478. It tells this port's public address and port when no gateway maps "
                + "it (a cafe or hotel NAT). Empty: not learned, and such a host publishes its own address.")
        String stunServer() default "";

        @AttributeDefinition(description = "Seconds between STUN checks when nothing changes (at least 5). A "
                + "network change always asks at once.")
        int stunIntervalSeconds() default 60;
    }

    /** Network changes come in bursts (link, address, route); one STUN round after the burst is enough. */
    static final Duration SETTLE = Duration.ofMillis(100);
    private static final Duration REBIND_RETRY = Duration.ofSeconds(10);

    private final Logger log;
    private final int port;
    private final InetSocketAddress bind;
    private final ExecutorScheduler scheduler = new ExecutorScheduler("homeward-tunnelport");
    private final ReflexiveDiscovery discovery;
    private final Optional<InetSocketAddress> stunServer;
    private final DatagramDemux demux;
    private final ArrayViews sendBuffers = new ArrayViews();
    private final List<ReflexiveEndpointListener> listeners = new CopyOnWriteArrayList<>();
    private volatile DatagramChannel channel;
    private volatile String state = "starting";
    private volatile boolean stopping;
    private volatile Thread receiver;
    private Scheduler.Scheduled settle;

    @Activate
    public TunnelPortComponent(@Reference(service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        this.port = config.port();
        this.bind = new InetSocketAddress(config.bindAddress().isBlank() ? "0.0.0.0" : config.bindAddress().trim(), port);
        Optional<InetSocketAddress> server = Optional.empty();
        try {
            server = Endpoints.parse("stunServer", config.stunServer());
        } catch (IllegalArgumentException e) {
            log.error("Configuration io.homeward.tunnelport: {}; the public endpoint is not learned until it is fixed",
                    e.getMessage());
        }
        this.stunServer = server;
        SecureRandom random = new SecureRandom();
        this.discovery = new ReflexiveDiscovery(scheduler, Clock.systemUTC(), () -> {
            byte[] id = new byte[StunBinding.TRANSACTION_ID_LENGTH];
            random.nextBytes(id);
            return id;
        }, this::sendRequest, server, Duration.ofSeconds(Math.max(5, config.stunIntervalSeconds())), this::announce);
        this.demux = new DatagramDemux(this::stunResponse);
        scheduler.execute(this::open);
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public void send(byte[] payload, int offset, int length, InetSocketAddress to) throws IOException {
        DatagramChannel c = channel;
        if (c == null) {
            throw new IOException("the tunnel port UDP " + port + " is not open: " + state);
        }
        c.send(sendBuffers.view(payload, offset, length), to);
    }

    @Override
    public Optional<InetSocketAddress> reflexiveEndpoint() {
        return discovery.endpoint();
    }

    @Override
    public Registration register(DatagramKind kind, TunnelDatagramHandler handler) {
        demux.handle(kind, handler);
        return () -> demux.release(kind, handler);
    }

    @Override
    public void addReflexiveEndpointListener(ReflexiveEndpointListener listener) {
        // On the discovery thread, so the current endpoint and the changes after it arrive in order.
        scheduler.execute(() -> {
            listeners.add(listener);
            tell(listener, discovery.endpoint());
        });
    }

    @Override
    public void removeReflexiveEndpointListener(ReflexiveEndpointListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void networkChanged(NetworkChange change) {
        scheduler.execute(() -> {
            if (settle != null) {
                settle.cancel();
            }
            settle = scheduler.schedule(discovery::ask, SETTLE);
        });
    }

    @Override
    public TunnelPortReport report() {
        return new TunnelPortReport(port, state, discovery.state(), discovery.endpoint(), discovery.learnedAt(),
                demux.espDatagrams.sum(), demux.ikeDatagrams.sum(), demux.keepalives.sum(), demux.stunAnswers.sum(),
                demux.unhandled.sum());
    }

    private void open() {
        if (stopping) {
            return;
        }
        try {
            DatagramChannel c = DatagramChannel.open();
            try {
                c.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                c.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
                c.bind(bind);
            } catch (IOException e) {
                c.close();
                throw e;
            }
            channel = c;
            state = "open on " + Endpoints.text(bind);
            log.info("Tunnel port open on UDP {}", Endpoints.text(bind));
            receiver = new Thread(() -> receive(c), "homeward-tunnelport-rx");
            receiver.setDaemon(true);
            receiver.start();
            discovery.ask();
        } catch (IOException e) {
            state = "cannot bind UDP " + Endpoints.text(bind) + " (" + e.getMessage() + "); retrying every "
                    + REBIND_RETRY.toSeconds() + " s";
            log.error("Tunnel port: {}", state);
            scheduler.schedule(this::open, REBIND_RETRY);
        }
    }

    private void receive(DatagramChannel c) {
        byte[] array = new byte[65_536];
        ByteBuffer buffer = ByteBuffer.wrap(array);
        while (!stopping) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) c.receive(buffer);
                demux.dispatch(array, 0, buffer.position(), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // One bad datagram or a failing handler must not end the port: log and go on.
                log.warn("Tunnel port: a datagram could not be handled: {}", e.toString());
            }
        }
    }

    /** Receive thread: a STUN answer from the configured server goes to discovery on its own thread. */
    private boolean stunResponse(byte[] buffer, int offset, int length, InetSocketAddress from) {
        if (stunServer.isEmpty() || !stunServer.get().equals(from) || !StunBinding.isStun(buffer, offset, length)) {
            return false;
        }
        byte[] copy = Arrays.copyOfRange(buffer, offset, offset + length);
        scheduler.execute(() -> discovery.response(copy, 0, copy.length));
        return true;
    }

    private void sendRequest(byte[] request, InetSocketAddress server) throws IOException {
        send(request, 0, request.length, server);
    }

    private void announce(Optional<InetSocketAddress> endpoint) {
        log.info("Tunnel port's public endpoint: {}", endpoint.map(Endpoints::text).orElse("unknown"));
        for (ReflexiveEndpointListener l : listeners) {
            tell(l, endpoint);
        }
    }

    private void tell(ReflexiveEndpointListener listener, Optional<InetSocketAddress> endpoint) {
        try {
            listener.reflexiveEndpointChanged(endpoint);
        } catch (RuntimeException e) {
            log.warn("A listener failed on the public endpoint change: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        scheduler.execute(discovery::stop);
        scheduler.shutdown(Duration.ofSeconds(2));
        DatagramChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                log.warn("Closing the tunnel port: {}", e.toString());
            }
        }
        if (receiver != null) {
            receiver.join(2000);
        }
    }
}
