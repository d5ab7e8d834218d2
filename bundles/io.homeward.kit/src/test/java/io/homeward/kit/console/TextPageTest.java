package io.homeward.kit.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextPageTest {
    @Test
    void theJsonFormHasTheHeadingAndTheLinesEscaped() {
        assertEquals("{\"heading\":\"STUN server\",\"lines\":[\"answering on UDP 127.0.0.1:3478\",\"\\\"quoted\\\" \\\\ tab\\t\"]}",
                TextPage.json("STUN server", "answering on UDP 127.0.0.1:3478\n\"quoted\" \\ tab\t\n"));
        assertEquals("{\"heading\":\"Tunnels\",\"lines\":[]}", TextPage.json("Tunnels", ""));
    }
}
