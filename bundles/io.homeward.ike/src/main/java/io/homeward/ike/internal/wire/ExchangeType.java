package io.homeward.ike.internal.wire;

import java.util.Optional;

/** The IKEv2 exchanges (RFC 7296 §3.1). */
public enum ExchangeType {
    IKE_SA_INIT(34),
    IKE_AUTH(35),
    CREATE_CHILD_SA(36),
    INFORMATIONAL(37);

    private final int code;

    ExchangeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ExchangeType> of(int code) {
        for (ExchangeType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
