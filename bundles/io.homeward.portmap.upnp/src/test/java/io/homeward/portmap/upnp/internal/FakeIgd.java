package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A UPnP IGD on loopback that keeps a mapping table and can be told to misbehave. */
final class FakeIgd implements AutoCloseable {
    /** One row of the gateway's mapping table. */
    record Row(String client, int internalPort, long lease, String description) {
    }

    final HttpServer server;
    final Map<String, Row> table = new ConcurrentHashMap<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    final Set<Integer> takenPorts = ConcurrentHashMap.newKeySet();
    volatile String serviceType = "urn:schemas-upnp-org:service:WANIPConnection:1";
    volatile String externalAddress = "203.0.113.7";
    volatile boolean onlyPermanent;
    volatile boolean forgetsAdds;
    volatile boolean addAnyMissing;
    volatile int reservedPort = 61000;
    /** When set, replaces the device description. */
    volatile byte[] description;
    /** When set, every control request is answered with this status and body. */
    volatile byte[] controlBody;
    volatile int controlStatus;
    /** Send bodies chunked, without a Content-Length. */
    volatile boolean chunked;

    FakeIgd() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rootDesc.xml", this::describe);
        server.createContext("/ctl/IPConn", this::control);
        server.start();
    }

    URI rootUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rootDesc.xml");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String descriptionFor(String serviceType, String controlUrl, String urlBase) {
        return "<?xml version=\"1.0\"?>\n<root xmlns=\"urn:schemas-upnp-org:device-1-0\">"
                + (urlBase == null ? "" : "<URLBase>" + urlBase + "</URLBase>")
                + "<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>"
                + "<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>"
                + "<serviceList><service><serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1"
                + "</serviceType><controlURL>/ctl/CmnIfCfg</controlURL></service></serviceList>"
                + "<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>"
                + "<serviceList><service><serviceType>" + serviceType + "</serviceType>"
                + "<serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId><controlURL>" + controlUrl
                + "</controlURL></service></serviceList></device></deviceList></device></deviceList></device></root>";
    }

    private void describe(HttpExchange exchange) throws IOException {
        byte[] body = description != null ? description
                : descriptionFor(serviceType, "/ctl/IPConn", null).getBytes(StandardCharsets.UTF_8);
        reply(exchange, 200, body);
    }

    private void control(HttpExchange exchange) throws IOException {
        String soapAction = exchange.getRequestHeaders().getFirst("SOAPAction");
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String action = soapAction.substring(soapAction.indexOf('#') + 1, soapAction.length() - 1);
        actions.add(action);
        if (controlBody != null) {
            reply(exchange, controlStatus, controlBody);
            return;
        }
        if (!soapAction.startsWith("\"" + serviceType + "#")) {
            fault(exchange, 401, "Invalid Action");
            return;
        }
        String key = arg(request, "NewProtocol") + "/" + arg(request, "NewExternalPort");
        switch (action) {
            case "GetExternalIPAddress" -> ok(exchange, action, "<NewExternalIPAddress>" + externalAddress
                    + "</NewExternalIPAddress>");
            case "AddPortMapping" -> add(exchange, request, key, Integer.parseInt(arg(request, "NewExternalPort")));
            case "AddAnyPortMapping" -> {
                if (addAnyMissing) {
                    fault(exchange, 401, "Invalid Action");
                } else {
                    table.put(arg(request, "NewProtocol") + "/" + reservedPort, row(request));
                    ok(exchange, action, "<NewReservedPort>" + reservedPort + "</NewReservedPort>");
                }
            }
            case "DeletePortMapping" -> {
                if (table.remove(key) == null) {
                    fault(exchange, 714, "NoSuchEntryInArray");
                } else {
                    ok(exchange, action, "");
                }
            }
            case "GetSpecificPortMappingEntry" -> {
                Row row = table.get(key);
                if (row == null) {
                    fault(exchange, 714, "NoSuchEntryInArray");
                } else {
                    ok(exchange, action, "<NewInternalPort>" + row.internalPort() + "</NewInternalPort>"
                            + "<NewInternalClient>" + row.client() + "</NewInternalClient><NewEnabled>1</NewEnabled>"
                            + "<NewPortMappingDescription>" + row.description() + "</NewPortMappingDescription>"
                            + "<NewLeaseDuration>" + row.lease() + "</NewLeaseDuration>");
                }
            }
            default -> fault(exchange, 401, "Invalid Action");
        }
    }

    private void add(HttpExchange exchange, String request, String key, int externalPort) throws IOException {
        if (takenPorts.contains(externalPort)) {
            fault(exchange, 718, "ConflictInMappingEntry");
        } else if (onlyPermanent && !arg(request, "NewLeaseDuration").equals("0")) {
            fault(exchange, 725, "OnlyPermanentLeasesSupported");
        } else {
            if (!forgetsAdds) {
                table.put(key, row(request));
            }
            ok(exchange, "AddPortMapping", "");
        }
    }

    private static Row row(String request) {
        return new Row(arg(request, "NewInternalClient"), Integer.parseInt(arg(request, "NewInternalPort")),
                Long.parseLong(arg(request, "NewLeaseDuration")), arg(request, "NewPortMappingDescription"));
    }

    static String arg(String request, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(request);
        return m.find() ? m.group(1) : "";
    }

    private void ok(HttpExchange exchange, String action, String out) throws IOException {
        reply(exchange, 200, ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + "<u:" + action + "Response xmlns:u=\"" + serviceType + "\">" + out + "</u:" + action + "Response>"
                + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
    }

    private void fault(HttpExchange exchange, int code, String description) throws IOException {
        reply(exchange, 500, ("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                + "<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>"
                + "<UPnPError xmlns=\"urn:schemas-upnp-org:control-1-0\"><errorCode>" + code + "</errorCode>"
                + "<errorDescription>" + description + "</errorDescription></UPnPError></detail></s:Fault>"
                + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
    }

    private void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=\"utf-8\"");
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
