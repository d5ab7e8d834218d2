package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** SOAP 1.1 actions on the gateway's WAN connection service (UDA 1.1 §3.2). */
final class SoapClient {
    private final BoundedHttp http;

    SoapClient(BoundedHttp http) {
        this.http = http;
    }

    /**
     * Calls an action and returns its out-arguments by name.
     *
     * @param arguments in-arguments in the order of the service description (routers are order sensitive)
     * @throws UpnpFault   when the gateway answers with a UPnP error
     * @throws IOException when the gateway cannot be reached or answers something that is not SOAP
     */
    Map<String, String> call(WanService service, String action, Map<String, String> arguments) throws IOException {
        byte[] request = envelope(service.serviceType(), action, arguments).getBytes(StandardCharsets.UTF_8);
        BoundedHttp.Response response = http.post(service.controlUrl(), Map.of(
                "Content-Type", "text/xml; charset=\"utf-8\"",
                "SOAPAction", "\"" + service.serviceType() + "#" + action + "\""), request);
        return outArguments(service, action, response);
    }

    /** The out-arguments of the gateway's answer to {@code action}; throws as {@link #call} does. */
    static Map<String, String> outArguments(WanService service, String action, BoundedHttp.Response response)
            throws IOException {
        if (response.status() == 500) {
            throw fault(action, response.body());
        }
        if (response.status() != 200) {
            throw new IOException(action + " at " + service.controlUrl() + " answered HTTP " + response.status());
        }
        Document doc = SafeXml.parse(response.body());
        Element result = SafeXml.first(doc, action + "Response").orElseThrow(() -> new IOException(
                action + " answer from " + service.controlUrl() + " has no " + action + "Response element"));
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n = result.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.put(e.getLocalName(), e.getTextContent().trim());
            }
        }
        return out;
    }

    private static IOException fault(String action, byte[] body) {
        Document doc;
        try {
            doc = SafeXml.parse(body);
        } catch (IOException e) {
            return new IOException(action + " failed with HTTP 500 and an unreadable fault: " + e.getMessage(), e);
        }
        Element error = SafeXml.first(doc, "UPnPError").orElse(null);
        if (error == null) {
            return new IOException(action + " failed with HTTP 500 without a UPnPError");
        }
        String code = SafeXml.childText(error, "errorCode");
        try {
            return new UpnpFault(action, Integer.parseInt(code), SafeXml.childText(error, "errorDescription"));
        } catch (NumberFormatException e) {
            return new IOException(action + " failed with a UPnPError whose errorCode '" + code + "' is not a number");
        }
    }

    static String envelope(String serviceType, String action, Map<String, String> arguments) {
        StringBuilder s = new StringBuilder(512)
                .append("<?xml version=\"1.0\"?>\r\n")
                .append("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" s:encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\">")
                .append("<s:Body><u:").append(action).append(" xmlns:u=\"").append(escape(serviceType)).append("\">");
        arguments.forEach((name, value) -> s.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        return s.append("</u:").append(action).append("></s:Body></s:Envelope>\r\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
