package org.karaul.alerts.trends;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.karaul.alerts.http.HttpServerHandle;
import org.karaul.contract.Development;
import org.karaul.contract.kafka.Json;

/**
 * {@code GET /trends?range=24h|7d|30d} (24h when absent): the busiest category × country cells bin by bin, with
 * the spikes among the open developments (JSON, {@link Trends}). 400 names a bad range; 503 while the alerts
 * stream is not running (its store cannot be read then).
 */
public final class TrendsApi implements HttpHandler {
    public static final String PATH = "/trends";

    private final TrendQuery query;
    private final Supplier<List<Development>> open;
    private final Clock clock;

    public TrendsApi(TrendQuery query, Supplier<List<Development>> open, Clock clock) {
        this.query = query;
        this.open = open;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!PATH.equals(ex.getRequestURI().getPath())) {
            HttpServerHandle.send(ex, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        if (!"GET".equals(ex.getRequestMethod())) {
            HttpServerHandle.send(ex, 405, "text/plain; charset=utf-8", "use GET");
            return;
        }
        TrendRange range;
        try {
            range = TrendRange.of(param(ex.getRequestURI().getRawQuery(), "range", "24h"));
        } catch (IllegalArgumentException e) {
            HttpServerHandle.send(ex, 400, "text/plain; charset=utf-8", e.getMessage());
            return;
        }
        try {
            Trends trends = query.query(range, clock.instant(), open.get());
            HttpServerHandle.send(ex, 200, "application/json", Json.mapper().writeValueAsString(trends));
        } catch (InvalidStateStoreException e) {
            HttpServerHandle.send(ex, 503, "text/plain; charset=utf-8", "trends are not readable yet: " + e.getMessage());
        }
    }

    static String param(String rawQuery, String name, String fallback) {
        if (rawQuery == null) {
            return fallback;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }
}
