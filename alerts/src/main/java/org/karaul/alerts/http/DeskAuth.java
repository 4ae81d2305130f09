package org.karaul.alerts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The desk page's login ({@code alerts.desk.token}). A browser signs in once on {@code /login} and then carries a
 * session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} when {@code alerts.desk.cookie.secure});
 * scripts may send {@code Authorization: Bearer TOKEN} instead. The cookie's value is an HMAC of a fixed label under
 * the token, so it survives restarts, is no use for recovering the token, and changing the token signs everyone out.
 * Every comparison is constant-time. The token is never logged.
 */
public final class DeskAuth {
    static final String COOKIE = "karaul_desk";

    private final byte[] bearer;
    private final byte[] session;
    private final boolean secureCookie;
    private final MeterRegistry metrics;

    public DeskAuth(String token, boolean secureCookie, MeterRegistry metrics) {
        this.bearer = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.session = sessionValue(token).getBytes(StandardCharsets.US_ASCII);
        this.secureCookie = secureCookie;
        this.metrics = metrics;
    }

    private static String sessionValue(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("karaul.desk.session.v1".getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether the token (typed into the login form) is right, in constant time. */
    boolean tokenMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(bearer, ("Bearer " + candidate).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the request carries the session cookie or the bearer token. */
    boolean allowed(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && MessageDigest.isEqual(bearer, auth.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        List<String> cookies = ex.getRequestHeaders().get("Cookie");
        if (cookies == null) {
            return false;
        }
        boolean ok = false;
        for (String header : cookies) {
            for (String c : header.split(";")) {
                String kv = c.strip();
                if (kv.startsWith(COOKIE + "=")) {
                    ok |= MessageDigest.isEqual(session, kv.substring(COOKIE.length() + 1).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        return ok;
    }

    /** The Set-Cookie header value that signs a browser in. */
    String signInCookie() {
        return COOKIE + "=" + new String(session, StandardCharsets.US_ASCII) + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : "");
    }

    /** The Set-Cookie header value that signs a browser out. */
    String signOutCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    void failed(String route) {
        metrics.counter("karaul.alerts.http.auth.failures", "route", route).increment();
    }

    /**
     * {@code inner} behind the login: a request without the cookie or token gets a redirect to {@code /login} (the
     * page itself) or 401 (the stream, JSON); {@code open} paths (the style sheet the login page uses) pass.
     */
    public HttpHandler protect(HttpHandler inner, Set<String> open) {
        return ex -> {
            String path = ex.getRequestURI().getPath();
            if (open.contains(path) || allowed(ex)) {
                inner.handle(ex);
                return;
            }
            failed("desk");
            try (ex) {
                if ("GET".equals(ex.getRequestMethod()) && (path.equals("/") || path.equals("/index.html"))) {
                    ex.getResponseHeaders().set("Location", LoginPage.PATH);
                    ex.getResponseHeaders().set("Cache-Control", "no-store");
                    ex.sendResponseHeaders(303, -1);
                } else {
                    ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"karaul desk\"");
                    HttpServerHandle.send(ex, 401, "application/json", "{\"error\":\"sign in at /login first\"}");
                }
            } catch (IOException e) {
                // the client went away
            }
        };
    }
}
