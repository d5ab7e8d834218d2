package io.homeward.tun.linux.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;

/** The one libc call Java cannot make itself: the TUNSETIFF ioctl. Packets never go through JNA. */
interface LibC extends Library {

    int ioctl(int fd, NativeLong request, byte[] argument) throws LastErrorException;
}
