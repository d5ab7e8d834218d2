package io.homeward.api.rendezvous;

/**
 * The rendezvous' STUN server (RFC 8489 Binding) as an operator sees it.
 *
 * @param state    where it listens, or why it does not
 * @param answered Binding requests answered since it started
 * @param ignored  datagrams ignored since it started (not a Binding request, or not answerable)
 * @since 2.2
 */
public record StunServerReport(String state, long answered, long ignored) {

    /** As {@code homeward:stun} prints it. */
    public String text() {
        return "STUN server: " + state + "\nanswered " + answered + ", ignored " + ignored + "\n";
    }
}
