package org.karaul.alerts.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.karaul.alerts.http.HttpServerHandle;
import org.karaul.alerts.http.JsonRequests;
import org.karaul.alerts.http.JsonRequests.BadRequest;
import org.karaul.alerts.webhook.SubscriptionStatus;
import org.karaul.contract.Triage;
import org.karaul.contract.kafka.Topics;
import org.karaul.contract.kafka.Json;

/**
 * Serves the desk page: {@code /} (HTML), {@code /desk.js}, {@code /i18n.js} (its words in English and Russian),
 * {@code /trend-chart.js} (the trend charts; their counts come from {@code /trends}, served beside this page by
 * {@code TrendsApi}), {@code /map.js} with the vendored d3-geo and the region's borders under {@code /vendor/}, and {@code /desk.css};
 * {@code /events}, a
 * Server-Sent Events stream of alerts (the kept history first, then live; {@code Last-Event-ID} resumes), and
 * {@code /sources}, each crawled source's latest status (JSON, from {@code karaul.sources.status}),
 * {@code /developments/ID}, the latest state of a development (JSON), {@code /developments}, the open developments
 * most recently seen first (JSON, at most 300, including those no rule alerted on), and {@code /subscriptions}, each webhook
 * subscription's delivery state (JSON: delivering, retrying or failing since when, failed attempts, last error, lag;
 * no URL and no secret). Triage: {@code GET /triage} lists every development's latest mark, {@code POST /triage}
 * marks one ({@link TriageRequest}; 202 with the mark kept, or 4xx naming the field), and {@code /events} also
 * carries each mark as an {@code event: mark} (every mark when a page connects, then each new one). The
 * page builds its DOM with text nodes only, and a Content-Security-Policy forbids inline and foreign scripts.
 */
public final class DeskPage implements HttpHandler {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.ofEntries(Map.entry("/", "desk/index.html"),
            Map.entry("/index.html", "desk/index.html"), Map.entry("/desk.js", "desk/desk.js"),
            Map.entry("/i18n.js", "desk/i18n.js"), Map.entry("/map.js", "desk/map.js"),
            Map.entry("/trend-chart.js", "desk/trend-chart.js"), Map.entry("/desk.css", "desk/desk.css"),
            Map.entry("/vendor/d3-array.min.js", "desk/vendor/d3-array.min.js"),
            Map.entry("/vendor/d3-geo.min.js", "desk/vendor/d3-geo.min.js"),
            Map.entry("/vendor/region.geo.json", "desk/vendor/region.geo.json"));
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json");
    private static final String DEVELOPMENTS = "/developments/";
    /** Open developments listed by {@code GET /developments}, most recently seen first. */
    private static final int OPEN_SHOWN = 300;
    private static final String SUBSCRIPTIONS = "/subscriptions";
    private static final String TRIAGE = "/triage";
    private static final int MAX_STREAMS = 64;
    private static final long HEARTBEAT_SECONDS = 15;

    private final DeskFeed feed;
    private final Supplier<Map<String, SubscriptionStatus>> subscriptions;
    private final TriageWriter triage;
    private final Clock clock;
    private final AtomicInteger streams = new AtomicInteger();

    /** A desk page; {@code triage} null leaves marking off (the page then shows no triage controls). */
    public DeskPage(DeskFeed feed, Supplier<Map<String, SubscriptionStatus>> subscriptions, TriageWriter triage,
                    Clock clock) {
        this.feed = feed;
        this.subscriptions = subscriptions;
        this.triage = triage;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals(TRIAGE) && "POST".equals(ex.getRequestMethod())) {
            mark(ex);
        } else if (!"GET".equals(ex.getRequestMethod())) {
            plain(ex, 405, path.equals(TRIAGE) ? "use GET or POST" : "use GET");
        } else if (path.equals(TRIAGE)) {
            json(ex, feed.marks());
        } else if (path.equals("/events")) {
            stream(ex);
        } else if (path.equals(SUBSCRIPTIONS)) {
            json(ex, subscriptionStates());
        } else if (path.equals("/rules/precision")) {
            json(ex, feed.precision());
        } else if (path.equals("/sources")) {
            json(ex, feed.sources());
        } else if (path.equals("/developments")) {
            json(ex, feed.open(OPEN_SHOWN));
        } else if (path.startsWith(DEVELOPMENTS)) {
            development(ex, path.substring(DEVELOPMENTS.length()));
        } else if (FILES.containsKey(path)) {
            file(ex, FILES.get(path));
        } else {
            plain(ex, 404, "not found");
        }
    }

    /** Records an analyst's mark: 202 with the mark once the broker has it. */
    private void mark(HttpExchange ex) throws IOException {
        if (triage == null) {
            plain(ex, 404, "triage is off on this desk");
            return;
        }
        try (ex) {
            // the answer is sent inside the resource block: a catch of this statement would run after the exchange closed
            try {
                Triage t = TriageRequest.read(ex, feed, clock.instant());
                triage.write(t);
                HttpServerHandle.send(ex, 202, "application/json", Json.mapper().writeValueAsString(t));
            } catch (BadRequest e) {
                JsonRequests.refuse(ex, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                JsonRequests.error(ex, 503, null, "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                JsonRequests.error(ex, 503, null, "the mark could not be written to " + Topics.FEEDBACK.name() + ": " + e);
            } catch (RuntimeException e) {
                JsonRequests.error(ex, 500, null, "cannot record the mark: " + e);
            }
        }
    }

    /** The latest state of a development as JSON, for the detail view. */
    private void development(HttpExchange ex, String id) throws IOException {
        org.karaul.contract.Development d = feed.development(id);
        if (d == null) {
            plain(ex, 404, "no recent development " + id);
            return;
        }
        try (ex) {
            byte[] body = Json.mapper().writeValueAsBytes(d);
            headers(ex, "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Each subscription's state, by id, as the desk page shows it. */
    private ArrayNode subscriptionStates() {
        ArrayNode out = Json.mapper().createArrayNode();
        subscriptions.get().forEach((id, st) -> {
            ObjectNode n = out.addObject().put("id", id).put("state", st.state().tag()).put("failures", st.failures())
                    .put("lag", st.lag()).put("restarts", st.restarts());
            if (st.since() != null) {
                n.put("since", st.since().toString());
            }
            if (st.lastError() != null) {
                n.put("lastError", st.lastError());
            }
        });
        return out;
    }

    private static void json(HttpExchange ex, Object value) throws IOException {
        try (ex) {
            byte[] body = Json.mapper().writeValueAsBytes(value);
            headers(ex, "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void file(HttpExchange ex, String resource) throws IOException {
        try (ex; InputStream in = DeskPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("desk page resource missing: " + resource);
            }
            byte[] body = in.readAllBytes();
            headers(ex, TYPES.get(resource.substring(resource.lastIndexOf('.') + 1)));
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void stream(HttpExchange ex) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            plain(ex, 503, "too many open desk pages");
            return;
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>(1000);
        Consumer<Object> listener = e -> {
            if (!queue.offer(e)) {
                queue.clear();
            }
        };
        Consumer<DeskFeed.Entry> alerts = listener::accept;
        Consumer<Triage> marks = listener::accept;
        feed.listen(alerts);
        feed.listenMarks(marks);
        try (ex) {
            headers(ex, "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            long last = lastEventId(ex);
            for (DeskFeed.Entry e : feed.since(last)) {
                last = write(out, e, last);
            }
            for (Triage t : feed.marks()) {
                write(out, t);
            }
            out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                Object e = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (e == null) {
                    out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (e instanceof DeskFeed.Entry entry) {
                    last = write(out, entry, last);
                } else {
                    write(out, (Triage) e);
                }
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // the page went away, or the server is stopping
        } finally {
            feed.unlisten(alerts);
            feed.unlistenMarks(marks);
            streams.decrementAndGet();
        }
    }

    /** Writes one event unless the page already has it; returns the latest offset sent. */
    private static long write(OutputStream out, DeskFeed.Entry e, long last) throws IOException {
        if (e.offset() <= last) {
            return last;
        }
        String json = Json.mapper().writeValueAsString(e.event());
        out.write(("id: " + e.offset() + "\nevent: alert\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        return e.offset();
    }

    /** Writes a triage mark; without an id, so a reconnecting page resumes by its last alert. */
    private static void write(OutputStream out, Triage t) throws IOException {
        String json = Json.mapper().writeValueAsString(t);
        out.write(("event: mark\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private static long lastEventId(HttpExchange ex) {
        String id = ex.getRequestHeaders().getFirst("Last-Event-ID");
        try {
            return id == null ? -1 : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void headers(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        try (ex) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            headers(ex, "text/plain; charset=utf-8");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
