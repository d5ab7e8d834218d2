package io.homeward.api.sa;

/** Why an inbound ESP packet was dropped (RFC 4303 §3.4, checked in this order). */
public enum DropReason {
    UNKNOWN_SPI,
    REPLAY,
    BAD_ICV,
    WRONG_INNER_SOURCE
}
