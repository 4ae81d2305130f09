package org.karaul.alerts.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk login on a real HTTP server on loopback, with a real client: cookie, bearer, redirects, 401s. */
class DeskAuthTest {
    private static final String TOKEN = "desk-token-0123456789";
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private HttpServerHandle http;

    @BeforeEach
    void start() throws Exception {
        DeskAuth auth = new DeskAuth(TOKEN, true, metrics);
        http = HttpServerHandle.start("127.0.0.1", 0);
        LoginPage login = new LoginPage(auth);
        http.route(LoginPage.PATH, new RateLimiter(60, 5, metrics).limit("login", login));
        http.route(LoginPage.LOGOUT, login);
        http.route("/", auth.protect(ex -> HttpServerHandle.send(ex, 200, "text/plain", "inside " + ex.getRequestURI().getPath()),
                Set.of("/desk.css")));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url(path)));
        if (header != null) {
            b.header(header, value);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(http.url(LoginPage.PATH)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldSendAnUnsignedBrowserToTheLoginAndRefuseTheStreamAndJson() throws Exception {
        HttpResponse<String> page = get("/", null, null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(get("/events", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/developments/dev-1", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/subscriptions", "Cookie", "karaul_desk=forged").statusCode()).isEqualTo(401);
        assertThat(get("/desk.css", null, null).statusCode()).as("the login page's style sheet").isEqualTo(200);
        HttpResponse<String> form = get("/login", null, null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"token\"").doesNotContain(TOKEN);
        assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'");
        assertThat(metrics.counter("karaul.alerts.http.auth.failures", "route", "desk").count()).isEqualTo(4);
    }

    @Test
    void shouldSignInWithTheTokenAndLetTheCookieOrTheBearerTokenThrough() throws Exception {
        HttpResponse<String> wrong = login("not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(wrong.body()).contains("not right").doesNotContain("not-the-token");

        HttpResponse<String> right = login(TOKEN);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).hasValue("/");
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("karaul_desk=").contains("HttpOnly").contains("SameSite=Strict").contains("Secure")
                .doesNotContain(TOKEN);
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> inside = get("/events", "Cookie", "other=1; " + session);
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(inside.body()).isEqualTo("inside /events");
        assertThat(get("/", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/", "Authorization", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(303);

        HttpResponse<String> out = client.send(HttpRequest.newBuilder(URI.create(http.url(LoginPage.LOGOUT)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }

    @Test
    void shouldRateLimitLoginAttemptsWithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = login(TOKEN);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(metrics.counter("karaul.alerts.http.rate.limited", "route", "login").count()).isEqualTo(1);
    }
}
