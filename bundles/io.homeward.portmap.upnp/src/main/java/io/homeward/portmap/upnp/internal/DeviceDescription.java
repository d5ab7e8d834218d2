package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Finds the WAN connection service in a UPnP root device description (UDA 1.1 §2.3). */
final class DeviceDescription {
    private DeviceDescription() {
    }

    /**
     * @param location the URL the description was fetched from; the base for relative control URLs
     *                 unless the document names a URLBase
     */
    static WanService parse(byte[] body, URI location) throws IOException {
        Document doc = SafeXml.parse(body);
        List<Element> services = SafeXml.all(doc, "service");
        Element chosen = pick(services, WanService.IP_PREFIX);
        if (chosen == null) {
            chosen = pick(services, WanService.PPP_PREFIX);
        }
        if (chosen == null) {
            throw new IOException("the device at " + location
                    + " offers neither WANIPConnection nor WANPPPConnection: it is not an Internet gateway");
        }
        String control = SafeXml.childText(chosen, "controlURL");
        if (control.isEmpty()) {
            throw new IOException("the WAN service at " + location + " has no controlURL");
        }
        URI base = base(doc, location);
        try {
            // Java resolves "ctl" against "http://h:5000" to "http://h:5000ctl"; give the base a path.
            if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
                base = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            }
            URI controlUrl = base.resolve(new URI(control));
            if (!"http".equalsIgnoreCase(controlUrl.getScheme()) || controlUrl.getHost() == null) {
                throw new IOException("control URL " + controlUrl + " is not an http:// URL");
            }
            return new WanService(SafeXml.childText(chosen, "serviceType"), controlUrl);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("control URL '" + control + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static Element pick(List<Element> services, String typePrefix) {
        for (Element service : services) {
            String type = SafeXml.childText(service, "serviceType");
            if (type.startsWith(typePrefix) && type.length() > typePrefix.length()) {
                return service;
            }
        }
        return null;
    }

    /** URLBase is deprecated since UDA 1.1 but still sent by some devices; it wins when present. */
    private static URI base(Document doc, URI location) throws IOException {
        String urlBase = SafeXml.first(doc.getDocumentElement(), "URLBase").map(e -> e.getTextContent().trim())
                .orElse("");
        if (urlBase.isEmpty()) {
            return location;
        }
        try {
            return new URI(urlBase);
        } catch (URISyntaxException e) {
            throw new IOException("URLBase '" + urlBase + "' is not a URL", e);
        }
    }
}
