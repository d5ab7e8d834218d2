package io.homeward.autotunnel.internal;

/** When the autotunnel asks for a peer's SA pair (docs/architecture.md, "Data flows"). */
public enum KeyingMode {
    /** On the first packet to the peer that finds no SA pair; the tunnel holds that packet meanwhile. */
    ON_DEMAND,
    /** As soon as the peer is listed with an endpoint, and again whenever it has no SA pair. */
    EAGER
}
