package io.homeward.ike.internal.exchange;

import java.util.List;
import java.util.function.Consumer;

import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.Payload;

/**
 * A request this side makes on an established IKE SA (RFC 7296 §1.3, §1.4), waiting its turn: one request is
 * outstanding at a time (window size 1, §2.3).
 *
 * @param exchange CREATE_CHILD_SA or INFORMATIONAL
 * @param payloads what goes inside SK
 * @param answered told, on the engine's thread, the payloads of the response once it opened
 * @param purpose  what the request is for, for the log
 */
record LocalRequest(ExchangeType exchange, List<Payload> payloads, Consumer<List<Payload>> answered, String purpose) {

    LocalRequest {
        payloads = List.copyOf(payloads);
    }
}
