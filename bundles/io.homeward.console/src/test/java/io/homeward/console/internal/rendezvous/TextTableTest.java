package io.homeward.console.internal.rendezvous;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void padsEveryColumnToItsWidestCellWithoutTrailingBlanks() {
        assertEquals("""
                ZONE                    SERIAL  RECORDS
                alice.members.example.  7       3
                b.                      12345   0
                """, new TextTable("ZONE", "SERIAL", "RECORDS")
                .row("alice.members.example.", 7L, 3)
                .row("b.", 12345L, 0)
                .render());
    }
}
