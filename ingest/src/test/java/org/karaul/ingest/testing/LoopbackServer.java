package org.karaul.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 with an ephemeral port, recording each request it sees. */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Seen(String path, String query, long nanos, String userAgent, String ifNoneMatch,
                       String ifModifiedSince) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/robots.txt", ex -> respond(ex, 404, "text/plain", "none"));
        server.start();
    }

    /** Serves {@code path} (and everything under it) with the handler; requests are recorded first. */
    public LoopbackServer on(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            seen.add(new Seen(ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(), System.nanoTime(),
                    ex.getRequestHeaders().getFirst("User-Agent"), ex.getRequestHeaders().getFirst("If-None-Match"),
                    ex.getRequestHeaders().getFirst("If-Modified-Since")));
            try {
                handler.handle(ex);
            } catch (IOException clientWentAway) {
                // expected when the fetcher aborts a body on purpose
            } finally {
                ex.close();
            }
        });
        return this;
    }

    /** Replaces the default 404 robots.txt. */
    public LoopbackServer robots(String body) {
        server.removeContext("/robots.txt");
        server.createContext("/robots.txt", ex -> respond(ex, 200, "text/plain", body));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long count(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    public static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        respond(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
