package io.homeward.tunnelport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.TunnelDatagramHandler;

class DatagramDemuxTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("11.0.0.2", 4500);
    private final List<String> esp = new ArrayList<>();
    private final List<String> ike = new ArrayList<>();
    private final List<String> stun = new ArrayList<>();
    private final DatagramDemux demux = new DatagramDemux((b, o, l, from) -> {
        boolean mine = b[o] == 0x01 && b[o + 1] == 0x01;
        if (mine) {
            stun.add(HexFormat.of().formatHex(b, o, o + l));
        }
        return mine;
    });

    private final TunnelDatagramHandler espHandler = recorder(esp);

    DatagramDemuxTest() {
        demux.handle(DatagramKind.ESP, espHandler);
        demux.handle(DatagramKind.IKE, recorder(ike));
    }

    @Test
    void eachKindGoesWhereRfc3948Says() {
        dispatch("ff");
        dispatch("0000000021222324");
        dispatch("c0ffee0100000001");
        dispatch("0101000c2112a442");
        assertEquals(1, demux.keepalives.sum());
        assertEquals(List.of("21222324"), ike, "the non-ESP marker is stripped");
        assertEquals(List.of("c0ffee0100000001"), esp);
        assertEquals(List.of("0101000c2112a442"), stun);
    }

    @Test
    void runtsAndDatagramsWithoutAHandlerAreCountedNotDelivered() {
        demux.release(DatagramKind.ESP, espHandler);
        dispatch("c0ff");
        dispatch("c0ffee0100000001");
        dispatch("");
        assertEquals(3, demux.unhandled.sum());
        assertEquals(0, demux.espDatagrams.sum());
    }

    @Test
    void aReplacedHandlerReleasingItsKindLeavesTheNewOneInPlace() {
        List<String> newer = new ArrayList<>();
        demux.handle(DatagramKind.ESP, recorder(newer));
        demux.release(DatagramKind.ESP, espHandler);
        dispatch("c0ffee0100000001");
        assertEquals(List.of("c0ffee0100000001"), newer);
        assertEquals(List.of(), esp);
    }

    private void dispatch(String hex) {
        byte[] datagram = HexFormat.of().parseHex("aaaa" + hex);
        demux.dispatch(datagram, 2, datagram.length - 2, PEER);
    }

    private static TunnelDatagramHandler recorder(List<String> into) {
        return (b, o, l, from) -> into.add(HexFormat.of().formatHex(b, o, o + l));
    }
}
