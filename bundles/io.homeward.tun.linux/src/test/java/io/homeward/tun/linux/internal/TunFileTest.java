package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunFileTest {

    @Test
    void ifreqCarriesTheNulTerminatedNameAndTunNoPiFlags() {
        byte[] request = TunFile.ifreq("homeward0", (short) (TunFile.IFF_TUN | TunFile.IFF_NO_PI));
        assertEquals(40, request.length);
        assertArrayEquals("homeward0\0\0\0\0\0\0\0".getBytes(), Arrays.copyOf(request, 16));
        byte[] flags = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? new byte[] {0x01, 0x10} : new byte[] {0x10, 0x01};
        assertArrayEquals(flags, Arrays.copyOfRange(request, 16, 18));
        assertArrayEquals(new byte[22], Arrays.copyOfRange(request, 18, 40));
    }

    @Test
    void tunSetIffIsTheIoctlNumberFromIfTunH() {
        // _IOW('T', 202, int): direction write (1) << 30 | size 4 << 16 | type 'T' << 8 | number 202.
        assertEquals((1L << 30) | (4L << 16) | ('T' << 8) | 202, TunFile.TUNSETIFF);
    }

    @Test
    void aNameOfSixteenCharactersDoesNotFitIfnamsiz() {
        assertThrows(IllegalArgumentException.class, () -> TunFile.ifreq("sixteen-chars-xx", TunFile.IFF_TUN));
    }

    @Test
    void aMissingTunDeviceSaysHowToGetOne(@TempDir Path dir) {
        IOException missing = assertThrows(IOException.class,
                () -> TunFile.open(dir.resolve("tun"), new FdTable(Path.of("/proc/self/fd")), null, "homeward0"));
        assertEquals(TunErrors.noTunDevice("homeward0", dir.resolve("tun").toString()).getMessage(), missing.getMessage());
    }
}
