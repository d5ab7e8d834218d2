package io.homeward.identity.internal;

import java.io.File;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.runtime.ProviderProperties;
import io.homeward.kit.text.Ipv6Text;

/** This host's EUI-64, ULA and host name. */
@Component(service = HostIdentity.class, configurationPid = HostIdentityComponent.PID,
        property = ProviderProperties.NAME + "=eui64-ula")
@Designate(ocd = HostIdentityComponent.Config.class)
public class HostIdentityComponent implements HostIdentity {
    static final String PID = "io.homeward.identity";
    static final String STORE_FILE = "identity.properties";

    @ObjectClassDefinition(name = "Homeward host identity",
            description = "Who this host is on the overlay: its host name, and the interface whose MAC forms its address.")
    public @interface Config {
        @AttributeDefinition(name = "Host name", required = false,
                description = "The host's label in the user's zone: letters, digits and inner hyphens, at most 63"
                        + " characters. Leave empty to use the machine's short host name. An invalid value is refused"
                        + " and the previous name stays in use.")
        String hostName() default "";

        @AttributeDefinition(name = "Interface name", required = false,
                description = "The network interface whose MAC forms the EUI-64, for example eth0. Leave empty to use"
                        + " the interface of the IPv4 default route. The address stays constant while the runtime runs,"
                        + " so a change takes effect at the next runtime start.")
        String interfaceName() default "";
    }

    private final StoredIdentity identity;
    private final Inet6Address ula;
    private final String ulaText;
    private final HostNameSetting hostName;
    private final Logger log;
    private volatile String interfaceName;

    @Activate
    public HostIdentityComponent(BundleContext context, Config config,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(new LinuxMachine(), new SecureRandom(), frameworkUuid(context), dataFile(context), config, log);
    }

    HostIdentityComponent(Machine machine, SecureRandom random, String frameworkUuid, Path storeFile, Config config,
            Logger log) {
        this.log = log;
        this.interfaceName = config.interfaceName();
        IdentityStore store = new IdentityStore(storeFile, log);
        this.identity = store.load(frameworkUuid).orElseGet(() -> {
            StoredIdentity fresh = new IdentityGenerator(machine, random, log).generate(config.interfaceName());
            store.save(frameworkUuid, fresh);
            return fresh;
        });
        this.ula = toAddress(identity.ula());
        this.ulaText = Ipv6Text.format(ula);
        this.hostName = new HostNameSetting(new MachineHostName(machine, log).label(), log);
        hostName.apply(config.hostName());
        log.info("io.homeward.identity: host " + hostName.current() + ", ULA " + ulaText + ", EUI-64 "
                + identity.eui64() + " from " + identity.source());
    }

    /** A new host name applies at once; the address does not change while the runtime runs. */
    @Modified
    void modified(Config config) {
        hostName.apply(config.hostName());
        if (!config.interfaceName().equals(interfaceName)) {
            interfaceName = config.interfaceName();
            log.info("io.homeward.identity: interfaceName '" + interfaceName + "' takes effect at the next runtime"
                    + " start; the address stays " + ulaText + " until then");
        }
    }

    @Override
    public Eui64 eui64() {
        return identity.eui64();
    }

    @Override
    public String eui64Source() {
        return identity.source();
    }

    @Override
    public Inet6Address ula() {
        return ula;
    }

    @Override
    public String ulaText() {
        return ulaText;
    }

    @Override
    public String hostName() {
        return hostName.current();
    }

    /** Every OSGi Core R8 framework sets the UUID; without one the stored address is reused across runs. */
    private static String frameworkUuid(BundleContext context) {
        String uuid = context.getProperty(Constants.FRAMEWORK_UUID);
        return uuid == null ? "" : uuid;
    }

    private static Path dataFile(BundleContext context) {
        File file = context.getDataFile(STORE_FILE);
        return file == null ? null : file.toPath();
    }

    private static Inet6Address toAddress(byte[] bytes) {
        try {
            return Inet6Address.getByAddress(null, bytes, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes always form an IPv6 address", e);
        }
    }
}
