package io.homeward.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class TestBundleContextTest {
    @TempDir
    Path storage;

    @Test
    void answersPropertiesAndTheStorageArea() {
        BundleContext context = new TestBundleContext(Map.of("homeward.data", "/data"), storage).context();
        assertEquals("/data", context.getProperty("homeward.data"));
        assertNull(context.getProperty("other"));
        assertEquals(storage.resolve("tls").toFile(), context.getDataFile("tls"));
        assertThrows(UnsupportedOperationException.class, () -> context.getBundle());
    }

    @Test
    void findsTheServicesTheListHoldsAtEachLookup() throws Exception {
        List<Runnable> live = new ArrayList<>();
        Runnable first = () -> { };
        live.add(first);
        BundleContext context = new TestBundleContext(Map.of(), storage).services(Runnable.class, live).context();

        Collection<ServiceReference<Runnable>> found = context.getServiceReferences(Runnable.class, null);
        assertEquals(1, found.size());
        ServiceReference<Runnable> reference = found.iterator().next();
        assertEquals(first, context.getService(reference));
        assertTrue(context.ungetService(reference));

        live.clear();
        assertTrue(context.getServiceReferences(Runnable.class, null).isEmpty());
        assertTrue(context.getServiceReferences(String.class, null).isEmpty());
    }
}
