package io.homeward.ike.internal.wire;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Notify Message Types this implementation sends or reads: RFC 7296 §3.10.1, RFC 4555 §4 (MOBIKE), RFC 7383
 * §2.3 (fragmentation) and RFC 7427 §4 (signature hash algorithms). Types below 16384 are errors.
 */
public enum NotifyType {
    UNSUPPORTED_CRITICAL_PAYLOAD(1),
    INVALID_IKE_SPI(4),
    INVALID_MAJOR_VERSION(5),
    INVALID_SYNTAX(7),
    INVALID_MESSAGE_ID(9),
    INVALID_SPI(11),
    NO_PROPOSAL_CHOSEN(14),
    INVALID_KE_PAYLOAD(17),
    AUTHENTICATION_FAILED(24),
    SINGLE_PAIR_REQUIRED(34),
    NO_ADDITIONAL_SAS(35),
    INTERNAL_ADDRESS_FAILURE(36),
    FAILED_CP_REQUIRED(37),
    TS_UNACCEPTABLE(38),
    INVALID_SELECTORS(39),
    UNACCEPTABLE_ADDRESSES(40),
    UNEXPECTED_NAT_DETECTED(41),
    TEMPORARY_FAILURE(43),
    CHILD_SA_NOT_FOUND(44),
    INITIAL_CONTACT(16384),
    SET_WINDOW_SIZE(16385),
    ADDITIONAL_TS_POSSIBLE(16386),
    IPCOMP_SUPPORTED(16387),
    NAT_DETECTION_SOURCE_IP(16388),
    NAT_DETECTION_DESTINATION_IP(16389),
    COOKIE(16390),
    USE_TRANSPORT_MODE(16391),
    HTTP_CERT_LOOKUP_SUPPORTED(16392),
    REKEY_SA(16393),
    ESP_TFC_PADDING_NOT_SUPPORTED(16394),
    NON_FIRST_FRAGMENTS_ALSO(16395),
    MOBIKE_SUPPORTED(16396),
    ADDITIONAL_IP4_ADDRESS(16397),
    ADDITIONAL_IP6_ADDRESS(16398),
    NO_ADDITIONAL_ADDRESSES(16399),
    UPDATE_SA_ADDRESSES(16400),
    COOKIE2(16401),
    NO_NATS_ALLOWED(16402),
    IKEV2_FRAGMENTATION_SUPPORTED(16430),
    SIGNATURE_HASH_ALGORITHMS(16431);

    /** The first status type; every type below is an error (RFC 7296 §3.10.1). */
    public static final int FIRST_STATUS = 16384;

    private static final Map<Integer, NotifyType> BY_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(NotifyType::code, Function.identity()));

    private final int code;

    NotifyType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isError() {
        return code < FIRST_STATUS;
    }

    public static Optional<NotifyType> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
