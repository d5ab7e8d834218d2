package io.homeward.api.tunnel;

/**
 * The kinds of datagram the tunnel port hands on (RFC 3948 §2.2).
 *
 * @since 2.0
 */
public enum DatagramKind {
    /** ESP in UDP: the payload starts with a non-zero SPI. */
    ESP,
    /** IKE behind the non-ESP marker, which is removed before the handler sees the message. */
    IKE
}
