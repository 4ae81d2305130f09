package org.karaul.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the demo's bundled sample sources (feeds, article pages, a Telegram channel preview) on loopback.
 * Files live under {@code demo/site/} in the jar; {@code {{BASE}}} in a file becomes this server's base URL.
 */
final class SampleSite implements AutoCloseable {
    private static final String ROOT = "demo/site";

    private final HttpServer server;

    private SampleSite(HttpServer server) {
        this.server = server;
    }

    static SampleSite start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        SampleSite site = new SampleSite(http);
        http.createContext("/", site::serve);
        http.start();
        return site;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.contains("..")) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            String resource = ROOT + (path.endsWith("/") ? path + "index.html" : path);
            try (InputStream in = SampleSite.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                if (!resource.endsWith(".pdf")) {
                    body = new String(body, StandardCharsets.UTF_8).replace("{{BASE}}", baseUrl()).getBytes(StandardCharsets.UTF_8);
                }
                ex.getResponseHeaders().set("Content-Type", contentType(resource));
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static String contentType(String resource) {
        if (resource.endsWith(".xml")) {
            return "application/rss+xml; charset=utf-8";
        }
        if (resource.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "text/html; charset=utf-8";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
