package io.homeward.portmap.pcp.internal.mapping;

import io.homeward.api.portmap.PortMappingException;

/** The gateway answered a request with an error result code. */
final class GatewayRefusedException extends PortMappingException {
    private static final long serialVersionUID = 1L;
    private final int result;

    GatewayRefusedException(int result, String message) {
        super(message);
        this.result = result;
    }

    int result() {
        return result;
    }
}
