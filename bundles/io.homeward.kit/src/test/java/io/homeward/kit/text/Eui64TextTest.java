package io.homeward.kit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.homeward.api.identity.Eui64;

class Eui64TextTest {

    @Test
    void parsesTheDashedForm() {
        Eui64 eui = Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C");
        assertEquals(Eui64.fromMac(new byte[] {0x00, 0x1b, 0x63, (byte) 0x84, 0x5a, 0x0c}), eui);
        assertEquals("02-1B-63-FF-FE-84-5A-0C", eui.toString());
    }

    @Test
    void refusesWrongShapes() {
        assertThrows(IllegalArgumentException.class, () -> Eui64Text.parse("02-1B-63"));
        assertThrows(IllegalArgumentException.class, () -> Eui64Text.parse("02-1B-63-FF-FE-84-5A-0"));
        assertThrows(IllegalArgumentException.class, () -> Eui64Text.parse("02-1B-63-FF-FE-84-5A-ZZ"));
    }
}
