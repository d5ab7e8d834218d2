package io.homeward.ike.internal.exchange;

import java.security.GeneralSecurityException;
import java.util.List;

import io.homeward.ike.internal.crypto.IkeSaKeys;
import io.homeward.ike.internal.proposal.IkeSuite;
import io.homeward.ike.internal.wire.ExchangeType;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.ike.internal.wire.Payload;

/**
 * An IKE SA made by rekeying another (RFC 7296 §2.18): established from the start with the keys of the rekey, the
 * old SA's peer, and the rekey's initiator as its original initiator; its message IDs start at 0.
 */
final class RekeyedSa extends IkeSa {

    RekeyedSa(IkeContext context, IkeEngine engine, IkeSa old, boolean initiator, long initiatorSpi,
            long responderSpi, IkeSuite suite, IkeSaKeys keys, byte[] ni, byte[] nr) throws GeneralSecurityException {
        super(context, engine, initiator, initiatorSpi, responderSpi, old.peerEndpoint, IkeSaState.ESTABLISHED, 0);
        this.ni = ni;
        this.nr = nr;
        rekeyedFrom(old, suite, keys);
    }

    @Override
    void response(ExchangeType exchange, IkeMessage message, byte[] datagram, List<Payload> payloads) {
        context.logger().debug("IKE SA {}: a {} response to no request of its own", this, exchange);
    }

    @Override
    void request(ExchangeType exchange, int messageId, List<Payload> payloads) {
        context.logger().debug("IKE SA {}: {} request {} not handled on a rekeyed SA", this, exchange, messageId);
    }
}
