package io.homeward.api.portmap;

/** No mapping could be had; the message says why in words a user can act on. */
public class PortMappingException extends Exception {
    private static final long serialVersionUID = 1L;

    public PortMappingException(String message) {
        super(message);
    }

    public PortMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
