package org.karaul.alerts.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /login} shows a form for the desk token; {@code POST /login} checks it and sets the session cookie
 * (then redirects to the desk page), or answers 401 with the form again; {@code POST /logout} clears the cookie.
 * Nothing from the request is echoed into the page.
 */
public final class LoginPage implements HttpHandler {
    public static final String PATH = "/login";
    public static final String LOGOUT = "/logout";
    private static final int MAX_FORM = 4096;
    private static final String CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final DeskAuth auth;

    public LoginPage(DeskAuth auth) {
        this.auth = auth;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals(LOGOUT) && method.equals("POST")) {
                ex.getResponseHeaders().add("Set-Cookie", auth.signOutCookie());
                redirect(ex, PATH);
            } else if (path.equals(PATH) && method.equals("GET")) {
                page(ex, 200, false);
            } else if (path.equals(PATH) && method.equals("POST")) {
                String token = field(ex, "token");
                if (auth.tokenMatches(token)) {
                    ex.getResponseHeaders().add("Set-Cookie", auth.signInCookie());
                    redirect(ex, "/");
                } else {
                    auth.failed("login");
                    page(ex, 401, true);
                }
            } else {
                HttpServerHandle.send(ex, 405, "text/plain; charset=utf-8", "use GET or POST " + PATH + ", or POST " + LOGOUT);
            }
        }
    }

    /** One field of a form-urlencoded body, or null. */
    private static String field(HttpExchange ex, String name) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_FORM + 1);
        }
        if (bytes.length > MAX_FORM) {
            return null;
        }
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(303, -1);
    }

    private static void page(HttpExchange ex, int status, boolean wrong) throws IOException {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Karaul desk: sign in</title>"
                + "<link rel=\"stylesheet\" href=\"/desk.css\"></head><body><header><h1>Karaul desk</h1></header>"
                + "<main><form class=\"login\" method=\"post\" action=\"" + PATH + "\">"
                + (wrong ? "<p class=\"error\" role=\"alert\">That token is not right.</p>" : "")
                + "<label>Desk token <input type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus></label>"
                + "<button type=\"submit\">Sign in</button></form></main></body></html>\n";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Content-Security-Policy", CSP);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
