package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VersionInformationTest {
    // Annex D, Table D.1: version information of versions 7 to 40, in hexadecimal.
    private static final int[] TABLE = {
        0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78,
        0x1145D, 0x12A17, 0x13532, 0x149A6, 0x15683, 0x168C9, 0x177EC, 0x18EC4, 0x191E1, 0x1AFAB,
        0x1B08E, 0x1CC1A, 0x1D33F, 0x1ED75, 0x1F250, 0x209D5, 0x216F0, 0x228BA, 0x2379F, 0x24B0B,
        0x2542E, 0x26A64, 0x27541, 0x28C69};

    @Test
    void versionsSevenToFortyMatchTheStandardsTable() {
        for (int version = 7; version <= 40; version++) {
            assertEquals(TABLE[version - 7], VersionInformation.bits(version), "version " + version);
        }
    }

    @Test
    void smallVersionsHaveNone() {
        assertThrows(IllegalArgumentException.class, () -> VersionInformation.bits(6));
        assertThrows(IllegalArgumentException.class, () -> VersionInformation.bits(41));
    }
}
