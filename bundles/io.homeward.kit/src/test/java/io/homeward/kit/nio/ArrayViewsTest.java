package io.homeward.kit.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class ArrayViewsTest {
    @Test
    void theSameArrayGetsTheSameViewPositionedOnTheRange() {
        ArrayViews views = new ArrayViews();
        byte[] packet = new byte[100];
        ByteBuffer first = views.view(packet, 10, 20);
        assertEquals(10, first.position());
        assertEquals(30, first.limit());
        ByteBuffer second = views.view(packet, 0, 100);
        assertSame(first, second);
        assertEquals(0, second.position());
        assertEquals(100, second.limit());
        assertNotSame(first, views.view(new byte[8], 0, 8));
    }
}
