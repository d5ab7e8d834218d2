/**
 * The seam between DNS transports (UDP, TCP, DNS over TLS) and the DNS server that answers
 * messages: a transport frames and delivers each message to the {@link io.homeward.api.dns.DnsRequestHandler}
 * service and sends back whatever the handler writes to the {@link io.homeward.api.dns.DnsResponder}.
 */
@Export
@Version("1.3.0")
package io.homeward.api.dns;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
