package org.karaul.alerts;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real webhook receiver on loopback that records every POST; it can be stopped and started on the same port. */
final class Receiver implements AutoCloseable {
    /** One POST as received. */
    record Delivery(String deliveryId, String signature, String contentType, byte[] body) {
    }

    /** One POST as answered, whatever the status. */
    record Attempt(String deliveryId, int status) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;
    private int port;

    static Receiver start() throws IOException {
        Receiver r = new Receiver();
        r.bind(0);
        return r;
    }

    private void bind(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 16);
        server.createContext("/hook", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                int answer = status;
                attempts.add(new Attempt(ex.getRequestHeaders().getFirst("X-Karaul-Delivery"), answer));
                if (answer / 100 == 2) {
                    deliveries.add(new Delivery(ex.getRequestHeaders().getFirst("X-Karaul-Delivery"),
                            ex.getRequestHeaders().getFirst("X-Karaul-Signature"),
                            ex.getRequestHeaders().getFirst("Content-Type"), body));
                }
                ex.sendResponseHeaders(answer, -1);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Answers every POST with this status from now on (non-2xx ones are not recorded). */
    void answer(int status) {
        this.status = status;
    }

    /** Goes down: connections are refused. */
    void stop() {
        server.stop(0);
    }

    /** Comes back on the same port. */
    void restart() throws IOException {
        bind(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
