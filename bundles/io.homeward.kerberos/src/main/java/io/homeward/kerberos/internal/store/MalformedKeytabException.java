package io.homeward.kerberos.internal.store;

import java.io.IOException;

/** A keytab that is not one this KDC can read; the message is one line saying where and what. */
public final class MalformedKeytabException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedKeytabException(String reason) {
        super(reason);
    }
}
