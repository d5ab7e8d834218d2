package io.homeward.api.portmap;

/** The transport a mapping is for. */
public enum TransportProtocol {
    UDP,
    TCP
}
