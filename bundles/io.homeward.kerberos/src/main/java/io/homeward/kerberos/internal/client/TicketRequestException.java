package io.homeward.kerberos.internal.client;

import java.util.OptionalInt;

/**
 * Why a ticket could not be had, in one line that names the step (sign-in, the KDC's address, the AS or the TGS
 * exchange) and, when the KDC refused, its KRB-ERROR code and e-text (RFC 4120 §5.9.1).
 */
final class TicketRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    private final OptionalInt errorCode;

    TicketRequestException(String message) {
        this(message, OptionalInt.empty());
    }

    TicketRequestException(String message, OptionalInt errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The KRB-ERROR code the KDC answered, or the PKINIT error the reply's check found. */
    OptionalInt errorCode() {
        return errorCode;
    }
}
