package io.homeward.kit.dns;

import java.net.InetSocketAddress;

import org.osgi.util.promise.Promise;

/** Sends one DNS query and resolves with the response's wire form; a seam so tests answer in place of a server. */
@FunctionalInterface
public interface DnsQuery {
    Promise<byte[]> send(InetSocketAddress server, byte[] query);
}
