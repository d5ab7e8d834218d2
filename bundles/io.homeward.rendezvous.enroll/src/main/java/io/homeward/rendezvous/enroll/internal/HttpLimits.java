package io.homeward.rendezvous.enroll.internal;

import java.time.Duration;

/**
 * How much one client may make the enrollment server hold: the server faces the Internet.
 *
 * @param maxHead        bytes of request line and header fields
 * @param maxBody        bytes of body (a PKCS#10 request in base64 is about 1 KiB)
 * @param deadline       time from accepting a connection to having read its whole request
 * @param maxConnections connections served or waiting at once; more are closed at once
 * @param workers        threads serving connections
 */
record HttpLimits(int maxHead, int maxBody, Duration deadline, int maxConnections, int workers) {
    static final int MAX_HEAD = 8 * 1024;
    static final int MAX_BODY = 16 * 1024;
}
