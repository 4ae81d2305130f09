package org.karaul.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server for operators: {@code GET /metrics} (Prometheus text) and {@code GET /health}
 * (JSON; 200 when every check is up, 503 otherwise).
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving on the given address; port 0 picks a free one.
     *
     * @throws IOException when the port cannot be bound (the message names it)
     */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new IOException("cannot bind the metrics and health endpoint to " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        OpsServer ops = new OpsServer(http, executor);
        http.createContext("/metrics", ex -> ops.respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        http.createContext("/health", ops::health);
        http.setExecutor(executor);
        http.start();
        LOG.info("metrics at {} and health at {}", ops.url("/metrics"), ops.url("/health"));
        return ops;
    }

    /** Adds or replaces a named check. */
    public OpsServer register(String name, HealthCheck check) {
        checks.put(name, check);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + port() + path;
    }

    private void health(HttpExchange ex) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode parts = body.putObject("checks");
        boolean allUp = true;
        for (Map.Entry<String, HealthCheck> e : new java.util.TreeMap<>(checks).entrySet()) {
            HealthCheck.Status s;
            try {
                s = e.getValue().check();
            } catch (RuntimeException failure) {
                s = HealthCheck.Status.down("check failed: " + failure);
            }
            allUp &= s.up();
            ObjectNode part = parts.putObject(e.getKey()).put("status", s.up() ? "UP" : "DOWN").put("detail", s.detail());
            s.facts().forEach((name, value) -> part.set(name, JSON.valueToTree(value)));
        }
        body.put("status", allUp ? "UP" : "DOWN");
        respond(ex, allUp ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    private void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
