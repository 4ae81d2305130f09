package org.karaul.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The polite fetcher on the JDK HttpClient: robots.txt, per-host pacing, conditional GET, gzip/deflate,
 * bounded redirects (loops detected), bounded bodies, a read deadline and retries with jittered backoff
 * that honour Retry-After.
 */
public final class HttpFetcher implements Fetcher {
    private final FetchConfig config;
    private final HttpClient client;
    private final HostPacer pacer;
    private final RetryPolicy retry;
    private final RobotsCache robots;

    public HttpFetcher(FetchConfig config, HostPacer pacer) {
        this.config = config;
        this.pacer = pacer;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = new RetryPolicy(config.backoffBase(), config.backoffMax(), new java.util.Random());
        this.robots = new RobotsCache(this::loadRobots, config.robotsAgent(), config.robotsTtl());
    }

    public HttpFetcher(FetchConfig config) {
        this(config, HostPacer.real());
    }

    @Override
    public FetchResult fetch(String url, Validators validators) throws FetchException {
        URI uri = parse(url);
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return followRedirects(url, uri, validators, start);
            } catch (FetchException e) {
                Duration wait = waitBeforeRetry(e, attempt);
                if (wait == null) {
                    throw e;
                }
                sleep(url, wait);
            }
        }
    }

    /** How long to wait before the next try, or null to give up. */
    private Duration waitBeforeRetry(FetchException e, int attempt) {
        if (!e.transientFailure() || attempt >= config.maxAttempts()) {
            return null;
        }
        Duration wait = e instanceof HttpStatusException h && h.findRetryAfter().isPresent()
                ? h.findRetryAfter().get() : retry.backoff(attempt);
        return wait.compareTo(config.backoffMax()) > 0 ? null : wait;
    }

    private FetchResult followRedirects(String url, URI uri, Validators validators, long start) throws FetchException {
        Set<URI> visited = new HashSet<>();
        URI current = uri;
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            if (!visited.add(current)) {
                throw new RedirectException(url, "redirect loop back to " + current);
            }
            checkRobots(url, current);
            pace(url, current);
            HttpResponse<byte[]> r = exchange(current, validators);
            int status = r.statusCode();
            if (isRedirect(status)) {
                String location = r.headers().firstValue("Location")
                        .orElseThrow(() -> new RedirectException(url, "HTTP " + status + " without Location"));
                current = resolve(url, current, location);
                continue;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Validators next = new Validators(r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Last-Modified").orElse(null));
            String type = r.headers().firstValue("Content-Type").orElse(null);
            if (status == 304) {
                return new FetchResult(url, current.toString(), 304, type, new byte[0],
                        next.isEmpty() ? validators : next, elapsed);
            }
            if (status >= 200 && status < 300) {
                String encoding = r.headers().firstValue("Content-Encoding").orElse(null);
                byte[] body = ContentDecoder.decode(url, encoding, r.body(), config.maxBodyBytes());
                return new FetchResult(url, current.toString(), status, type, body, next, elapsed);
            }
            Duration retryAfter = RetryPolicy.parseRetryAfter(r.headers().firstValue("Retry-After").orElse(null),
                    Instant.now()).orElse(null);
            throw new HttpStatusException(url, status, retryAfter);
        }
        throw new RedirectException(url, "more than " + config.maxRedirects() + " redirects");
    }

    private HttpResponse<byte[]> exchange(URI uri, Validators validators) throws FetchException {
        String url = uri.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,"
                        + "application/atom+xml,application/pdf,*/*;q=0.8");
        if (validators.etag() != null) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        BoundedBodySubscriber[] body = new BoundedBodySubscriber[1];
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), info -> {
            long limit = info.statusCode() >= 200 && info.statusCode() < 300 ? config.maxBodyBytes() : 0;
            body[0] = new BoundedBodySubscriber(url, limit);
            return body[0];
        });
        try {
            return future.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (body[0] != null) {
                body[0].cancel();
            }
            future.cancel(true);
            throw new FetchTimeoutException(url, "after " + config.readTimeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw translate(url, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new FetchException(url, "interrupted", e);
        }
    }

    private static FetchException translate(String url, Throwable cause) {
        if (cause instanceof FetchException f) {
            return f;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchTimeoutException(url, "connecting", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchTimeoutException(url, "waiting for the response", cause);
        }
        if (cause instanceof IOException) {
            return new FetchException(url, cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
        return new FetchException(url, String.valueOf(cause), cause);
    }

    /**
     * Whether robots.txt lets this fetcher's agent get {@code url} (fetching and caching the host's robots.txt as a
     * fetch would); true when robots.txt is not obeyed.
     */
    public boolean robotsAllow(String url) throws FetchException {
        URI target = parse(url);
        return !config.obeyRobots() || robots.rulesFor(target).isAllowed(target.toString());
    }

    private void checkRobots(String url, URI target) throws RobotsDeniedException {
        if (config.obeyRobots() && !robots.rulesFor(target).isAllowed(target.toString())) {
            throw new RobotsDeniedException(url, "robots.txt disallows " + target);
        }
    }

    /** robots.txt, tried twice: one timeout should not close a host for the failure TTL. */
    private RobotsCache.Loaded loadRobots(String robotsUrl) throws FetchException {
        try {
            return loadRobotsOnce(robotsUrl);
        } catch (FetchException e) {
            if (!e.transientFailure()) {
                throw e;
            }
            sleep(robotsUrl, retry.backoff(1));
            return loadRobotsOnce(robotsUrl);
        }
    }

    private RobotsCache.Loaded loadRobotsOnce(String robotsUrl) throws FetchException {
        URI uri = parse(robotsUrl);
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            HttpResponse<byte[]> r = exchange(uri, Validators.NONE);
            if (isRedirect(r.statusCode()) && r.headers().firstValue("Location").isPresent()) {
                uri = resolve(robotsUrl, uri, r.headers().firstValue("Location").get());
                continue;
            }
            String encoding = r.headers().firstValue("Content-Encoding").orElse(null);
            return new RobotsCache.Loaded(r.statusCode(), ContentDecoder.decode(robotsUrl, encoding, r.body(),
                    config.maxBodyBytes()), r.headers().firstValue("Content-Type").orElse("text/plain"));
        }
        return new RobotsCache.Loaded(404, new byte[0], "text/plain");
    }

    private void sleep(String url, Duration wait) throws FetchException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while backing off", e);
        }
    }

    private void pace(String url, URI target) throws FetchException {
        Duration gap = config.hostDelay();
        if (config.obeyRobots()) {
            long crawlDelay = robotsCrawlDelayMillis(target);
            gap = crawlDelay > gap.toMillis() ? Duration.ofMillis(crawlDelay) : gap;
        }
        try {
            pacer.awaitTurn(target.getRawAuthority(), gap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while waiting for the host", e);
        }
    }

    private long robotsCrawlDelayMillis(URI target) {
        long d = robots.rulesFor(target).getCrawlDelay();
        return d < 0 ? 0 : Math.min(d, config.maxCrawlDelay().toMillis());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolve(String url, URI base, String location) throws RedirectException {
        try {
            URI next = base.resolve(location.trim());
            if (!"http".equals(next.getScheme()) && !"https".equals(next.getScheme())) {
                throw new RedirectException(url, "redirect to unsupported scheme: " + next.getScheme());
            }
            return next;
        } catch (IllegalArgumentException e) {
            throw new RedirectException(url, "bad Location header: " + location);
        }
    }

    static URI parse(String url) throws FetchException {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new BadResponseException(url, "not an absolute http(s) URL", null);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadResponseException(url, "invalid URL: " + e.getMessage(), e);
        }
    }
}
