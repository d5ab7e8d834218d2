package io.homeward.api.runtime;

/** Service properties a provider of a capability contract sets so operators can tell providers apart. */
public final class ProviderProperties {

    /** A short name for the provider, for example {@code aes-gcm-16} or {@code pcp}. */
    public static final String NAME = "homeward.provider.name";

    private ProviderProperties() {
    }
}
