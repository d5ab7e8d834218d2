package io.homeward.rendezvous.dns.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator's configuration of the rendezvous DNS server (PID {@value DnsServerComponent#PID}). */
@ObjectClassDefinition(name = "Homeward rendezvous DNS server",
        description = "The authoritative DNS server for the users' zones: queries, signed updates with leases,"
                + " zone transfer and NOTIFY.")
public @interface DnsServerConfig {
    @AttributeDefinition(description = "Domain under which every user gets a zone, for example"
            + " members.example. Must match the accounts service's domain.")
    String domain() default "members.example.";

    @AttributeDefinition(description = "Host name of this server, used as NS, SOA MNAME and SRV target."
            + " Leave empty for ns.<domain>.")
    String nameServer() default "";

    @AttributeDefinition(description = "Public IPv4/IPv6 addresses of the name server host, served as glue"
            + " in the domain zone. Clients cannot reach the update service by name without them.")
    String[] nameServerAddresses() default {};

    @AttributeDefinition(description = "Mailbox of the zone administrator in DNS form (SOA RNAME). Leave"
            + " empty for hostmaster.<domain>.")
    String hostmaster() default "";

    @AttributeDefinition(description = "TLS port advertised in the _dns-update-tls, _dns-llq-tls and"
            + " _dns-push-tls SRV records of every user zone; must be where the DNS-over-TLS listener runs.")
    int tlsPort() default 8853;

    @AttributeDefinition(description = "HTTPS port of the enrollment server (EST, RFC 7030), advertised in the"
            + " _est._tcp SRV record of every user zone; must be where io.homeward.rendezvous.enroll listens.")
    int estPort() default 8443;

    @AttributeDefinition(description = "EDNS(0) UDP payload size this server advertises and sends at most"
            + " (512..65535). 1232 avoids IP fragmentation on nearly every path.")
    int ednsPayloadSize() default 1232;

    @AttributeDefinition(description = "Seconds resolvers may cache a negative answer (SOA minimum)."
            + " Keep it short: host records come and go.")
    long negativeTtl() default 60;

    @AttributeDefinition(description = "Shortest update lease granted, in seconds. Lower it only for tests.")
    long leaseMinSeconds() default 1800;

    @AttributeDefinition(description = "Longest update lease granted, in seconds. Records of a host that"
            + " vanishes stay at most this long.")
    long leaseMaxSeconds() default 7200;

    @AttributeDefinition(description = "UPDATE messages per second each client address may send on average;"
            + " more are answered REFUSED.")
    double updatesPerSecond() default 5;

    @AttributeDefinition(description = "UPDATE messages a client address may send in a burst above the rate.")
    int updateBurst() default 20;

    @AttributeDefinition(description = "Secondary servers to NOTIFY when a zone changes, as address:port"
            + " with a literal address ([v6addr]:port for IPv6). They still need a TSIG key of the zone to"
            + " transfer it.")
    String[] secondaries() default {};

    @AttributeDefinition(description = "Journal size in bytes above which it is compacted into a snapshot.")
    long journalCompactionBytes() default 1_048_576;

    @AttributeDefinition(description = "Shortest long-lived query (LLQ, RFC 8764) lease granted, in seconds;"
            + " clients asking for less get this. Lower it only for tests.")
    long llqLeaseMinSeconds() default 900;

    @AttributeDefinition(description = "Longest LLQ lease granted, in seconds. An LLQ whose client vanished"
            + " keeps costing memory at most this long.")
    long llqLeaseMaxSeconds() default 7200;

    @AttributeDefinition(description = "LLQs one client address may hold; more are answered SERV-FULL."
            + " Raise it when many hosts share one NAT address.")
    int llqPerClient() default 64;

    @AttributeDefinition(description = "LLQs the server holds in total; more are answered SERV-FULL.")
    int llqTotal() default 10_000;

    @AttributeDefinition(description = "DNS Push subscriptions one DSO session may hold; more are answered"
            + " SERVFAIL with a Retry Delay. An agent subscribes to all it watches on one session, about five names"
            + " per machine of its user: 1024 serves some 200 machines.")
    int pushSubscriptionsPerSession() default 1024;

    @AttributeDefinition(description = "DNS Push subscriptions the server holds in total.")
    int pushSubscriptionsTotal() default 10_000;

    @AttributeDefinition(description = "DSO inactivity timeout told to push clients, in seconds: a session"
            + " without subscriptions is closed after twice this long (at least 5 s).")
    long pushInactivitySeconds() default 30;

    @AttributeDefinition(description = "DSO keepalive interval told to push clients, in seconds (at least 10):"
            + " a session silent for twice this long is closed.")
    long pushKeepaliveSeconds() default 60;

    @AttributeDefinition(description = "Seconds a client refused for load, or sent away when this server"
            + " stops, is asked to wait before trying again. Watchers of a restarted server are blind for"
            + " about this long; raise it only if reconnecting clients overload the server.")
    long watchRetryDelaySeconds() default 10;

    @AttributeDefinition(description = "Records a user zone may hold, besides the ones the server puts there;"
            + " an UPDATE that would hold more is refused whole (REFUSED).")
    int zoneRecordQuota() default 10_000;

    @AttributeDefinition(description = "UPDATE messages per second each key (a zone's master key or a host's key)"
            + " may send on average, from whatever addresses; more are answered REFUSED.")
    double keyUpdatesPerSecond() default 5;

    @AttributeDefinition(description = "UPDATE messages a key may send in a burst above its rate.")
    int keyUpdateBurst() default 20;
}
