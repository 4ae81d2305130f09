package org.karaul.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.karaul.alerts.webhook.Signatures;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.kafka.Topics;

/**
 * A webhook receiver on loopback as a subscriber runs one: it checks each POST's signature with the subscription's
 * secret, answers 401 to a bad one, and keeps the alerts in the order they first arrived (a redelivery of a
 * delivery id it already has is counted, not kept twice). It can go down (connections refused) and come back on
 * the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    private final String secret;
    private final List<String> alertIds = new ArrayList<>();
    private final Set<String> deliveryIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger redeliveries = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer server;
    private int port;

    private WebhookReceiver(String secret) {
        this.secret = secret;
    }

    static WebhookReceiver start(String secret) {
        WebhookReceiver r = new WebhookReceiver(secret);
        r.bind(0);
        return r;
    }

    private void bind(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the webhook receiver to 127.0.0.1:" + wanted, e);
        }
        server.createContext("/hook", ex -> {
            try (ex; InputStream in = ex.getRequestBody()) {
                byte[] body = in.readAllBytes();
                posts.incrementAndGet();
                String delivery = ex.getRequestHeaders().getFirst(Signatures.DELIVERY_HEADER);
                String signature = ex.getRequestHeaders().getFirst(Signatures.SIGNATURE_HEADER);
                if (delivery == null || !Signatures.verify(secret, delivery, body, signature)) {
                    badSignatures.incrementAndGet();
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                AlertEvent event = Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(), body);
                synchronized (this) {
                    if (deliveryIds.add(delivery)) {
                        alertIds.add(event.id());
                    } else {
                        redeliveries.incrementAndGet();
                    }
                }
                ex.sendResponseHeaders(204, -1);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Alert ids in the order they first arrived. */
    synchronized List<String> alertIds() {
        return new ArrayList<>(alertIds);
    }

    int redeliveries() {
        return redeliveries.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int posts() {
        return posts.get();
    }

    /** Goes down: connections are refused from now on. */
    void down() {
        server.stop(0);
    }

    /** Comes back on the same port. */
    void up() {
        bind(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
