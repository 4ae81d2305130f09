package org.karaul.alerts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address ({@code alerts.http.rate.per.minute}, {@code alerts.http.rate.burst}): each
 * address may make {@code burst} requests at once and then {@code perMinute} a minute. A request over the limit gets
 * 429 with {@code Retry-After} (whole seconds) and counts in {@code karaul.alerts.http.rate.limited}. Behind a
 * reverse proxy every client has the proxy's address, so the limit is then the proxy's. At most 10,000 addresses are
 * tracked (the least recently seen one is forgotten first).
 */
public final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private final MeterRegistry metrics;
    private final Map<InetAddress, double[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** {@code perMinute} 0 turns the limit off. */
    public RateLimiter(int perMinute, int burst, MeterRegistry metrics) {
        this(perMinute, burst, metrics, System::nanoTime);
    }

    RateLimiter(int perMinute, int burst, MeterRegistry metrics, LongSupplier nanos) {
        this.perNano = perMinute / 60e9;
        this.burst = Math.max(1, burst);
        this.nanos = nanos;
        this.metrics = metrics;
    }

    /** 0 when the request may go ahead (and is counted), else the seconds to wait. */
    synchronized long acquire(InetAddress client) {
        if (perNano <= 0) {
            return 0;
        }
        long now = nanos.getAsLong();
        double[] b = buckets.computeIfAbsent(client, c -> new double[] {burst, now});
        b[0] = Math.min(burst, b[0] + (now - (long) b[1]) * perNano);
        b[1] = now;
        if (b[0] >= 1) {
            b[0] -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perNano / 1e9));
    }

    /** {@code inner} behind the limit; {@code route} is the metric's tag. */
    public HttpHandler limit(String route, HttpHandler inner) {
        return ex -> {
            long wait = acquire(ex.getRemoteAddress().getAddress());
            if (wait == 0) {
                inner.handle(ex);
                return;
            }
            metrics.counter("karaul.alerts.http.rate.limited", "route", route).increment();
            try (ex) {
                ex.getResponseHeaders().set("Retry-After", Long.toString(wait));
                HttpServerHandle.send(ex, 429, "application/json",
                        "{\"error\":\"too many requests from this address; retry after " + wait + " s\"}");
            } catch (IOException e) {
                // the client went away
            }
        };
    }
}
