package io.homeward.launcher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the installed bundles in line with the feature's list. Feature bundles are installed at
 * the location {@code homeward:<symbolic name>}, so a rebuilt or newer bundle is updated in place
 * and keeps its data; feature bundles no longer in the list are uninstalled; bundles an operator
 * installed by other means are left alone.
 */
final class BundleSync {
    static final String LOCATION_PREFIX = "homeward:";
    private static final Logger LOG = LoggerFactory.getLogger(BundleSync.class);

    private final BundleContext system;

    BundleSync(BundleContext system) {
        this.system = system;
    }

    /** Returns the feature's bundles, installed and current, not yet started. */
    List<Bundle> sync(OwnArchive archive, String feature) throws StartupException {
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle b : system.getBundles()) {
            if (b.getLocation().startsWith(LOCATION_PREFIX)) {
                installed.put(b.getLocation(), b);
            }
        }
        List<Bundle> current = new ArrayList<>();
        List<Bundle> changed = new ArrayList<>();
        for (String jar : featureJars(archive, feature)) {
            byte[] content = read(archive, "bundles/" + jar);
            Manifest manifest = manifest(jar, content);
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            String location = LOCATION_PREFIX + bsn;
            Bundle bundle = installed.remove(location);
            try {
                if (bundle == null) {
                    bundle = system.installBundle(location, new ByteArrayInputStream(content));
                } else if (!bundle.getVersion().toString().equals(version)) {
                    LOG.info("Updating {} from {} to {}", bsn, bundle.getVersion(), version);
                    bundle.update(new ByteArrayInputStream(content));
                    changed.add(bundle);
                }
            } catch (BundleException e) {
                throw new StartupException("cannot install " + jar + ": " + e.getMessage(), e);
            }
            current.add(bundle);
        }
        for (Bundle stale : installed.values()) {
            try {
                LOG.info("Removing {}, which the {} feature does not have", stale.getSymbolicName(), feature);
                stale.uninstall();
                changed.add(stale);
            } catch (BundleException e) {
                LOG.warn("Cannot remove {}: {}", stale.getSymbolicName(), e.getMessage());
            }
        }
        if (!changed.isEmpty()) {
            refresh(changed);
        }
        return current;
    }

    private static List<String> featureJars(OwnArchive archive, String feature) throws StartupException {
        String list = new String(read(archive, "features/" + feature + ".list"), StandardCharsets.UTF_8);
        return list.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static byte[] read(OwnArchive archive, String path) throws StartupException {
        try (InputStream in = archive.open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StartupException("the launcher jar is incomplete: " + e.getMessage(), e);
        }
    }

    private static Manifest manifest(String jar, byte[] content) throws StartupException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(content))) {
            Manifest manifest = in.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                throw new StartupException(jar + " in the launcher jar is not an OSGi bundle");
            }
            return manifest;
        } catch (IOException e) {
            throw new StartupException("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Rewires dependants of updated or removed bundles, waiting (bounded) for the framework to finish. */
    private void refresh(List<Bundle> changed) throws StartupException {
        CountDownLatch done = new CountDownLatch(1);
        system.getBundle().adapt(FrameworkWiring.class).refreshBundles(changed, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new StartupException("the framework did not finish rewiring updated bundles within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while rewiring updated bundles");
        }
    }
}
