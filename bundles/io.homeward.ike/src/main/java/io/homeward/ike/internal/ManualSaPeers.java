package io.homeward.ike.internal;

import io.homeward.api.peers.Peer;

/** Whether a peer's SA pair is keyed by hand ({@code io.homeward.tunnel.manualsa}): IKE then leaves that peer alone. */
interface ManualSaPeers {

    boolean keyedByHand(Peer peer);
}
