package io.homeward.rendezvous.stun.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.rendezvous.StunServerReport;
import io.homeward.api.rendezvous.StunServerStatus;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.stun.StunBinding;

/**
 * A STUN server for Binding requests over UDP (RFC 8489 §6.3): each request is answered with the address
 * and port it came from; anything else is dropped and counted. One receive thread, one socket.
 */
@Component(service = StunServerStatus.class, configurationPid = "io.homeward.rendezvous.stun")
@Designate(ocd = StunServerComponent.Config.class)
public class StunServerComponent implements StunServerStatus {
    @ObjectClassDefinition(name = "Homeward STUN server",
            description = "Tells agents the public address and port their tunnel port has behind a NAT that maps "
                    + "nothing (cafes, hotels, mobile networks).")
    public @interface Config {
        @AttributeDefinition(description = "Address to listen on; 0.0.0.0 for every interface. Agents name this "
                + "host in io.homeward.tunnelport stunServer.")
        String bindAddress() default "0.0.0.0";

        @AttributeDefinition(description = "UDP port; 3478 is STUN's registered port.")
        int port() default 3478;
    }

    private final Logger log;
    private final InetSocketAddress bind;
    private final LongAdder answered = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final DatagramChannel channel;
    private final Thread receiver;
    private volatile String state;

    @Activate
    public StunServerComponent(@Reference(service = LoggerFactory.class) Logger log, Config config) {
        this.log = log;
        this.bind = new InetSocketAddress(config.bindAddress().trim(), config.port());
        DatagramChannel opened = null;
        try {
            opened = DatagramChannel.open().bind(bind);
            state = "answering on UDP " + Endpoints.text(bind);
            log.info("STUN server {}", state);
        } catch (IOException | RuntimeException e) {
            state = "cannot listen on UDP " + Endpoints.text(bind) + ": " + e.getMessage()
                    + " (change io.homeward.rendezvous.stun port or bindAddress)";
            log.error("STUN server {}", state);
        }
        this.channel = opened;
        this.receiver = new Thread(this::serve, "homeward-stun");
        receiver.setDaemon(true);
        if (channel != null) {
            receiver.start();
        }
    }

    @Override
    public StunServerReport report() {
        return new StunServerReport(state, answered.sum(), ignored.sum());
    }

    private void serve() {
        byte[] array = new byte[1500];
        ByteBuffer in = ByteBuffer.wrap(array);
        while (true) {
            try {
                in.clear();
                SocketAddress from = channel.receive(in);
                byte[] id = StunBinding.requestTransactionId(array, 0, in.position());
                if (id == null || !(from instanceof InetSocketAddress client)) {
                    ignored.increment();
                    continue;
                }
                channel.send(ByteBuffer.wrap(StunBinding.success(id, client)), client);
                answered.increment();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                ignored.increment();
                log.debug("STUN: a request could not be answered: {}", e.toString());
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("Closing the STUN socket: {}", e.toString());
            }
            receiver.join(2000);
        }
    }
}
