package org.karaul.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karaul.alerts.webhook.AlertRecords.event;
import static org.karaul.alerts.webhook.AlertRecords.serialize;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.karaul.contract.AlertEvent;
import org.karaul.contract.Severity;
import org.karaul.contract.WebhookSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POST goes to exactly the address the guard checked: a name that resolves to an allowed address for one lookup
 * and to an internal one for the next (DNS rebinding) never reaches the internal receiver, and redirects are not
 * followed. Real HTTP(S) servers on loopback addresses; the name is resolved by a stub.
 */
class PinnedDeliveryTest {
    private static final String HOST = "hooks.example.test";

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    /** A receiver on one loopback address that records the Host header of every POST and answers {@code status}. */
    private final class Receiver {
        final List<String> hosts = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Receiver(HttpServer server, int status, String location) {
            this.server = server;
            server.createContext("/hook", ex -> {
                try (ex; InputStream in = ex.getRequestBody()) {
                    in.readAllBytes();
                    hosts.add(ex.getRequestHeaders().getFirst("Host"));
                    if (location != null) {
                        ex.getResponseHeaders().set("Location", location);
                    }
                    ex.sendResponseHeaders(status, -1);
                }
            });
            server.start();
            servers.add(server);
        }

        int port() {
            return server.getAddress().getPort();
        }
    }

    /** Answers each lookup with the next address of the list (the last one repeats), and counts lookups. */
    private static final class RebindingResolver implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();
        private final List<InetAddress> answers;

        RebindingResolver(InetAddress... answers) {
            this.answers = List.of(answers);
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            if (!HOST.equals(host)) {
                throw new UnknownHostException(host);
            }
            int i = lookups.getAndIncrement();
            return List.of(answers.get(Math.min(i, answers.size() - 1)));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void shouldConnectToTheCheckedAddressSoARebindingNameNeverReachesTheInternalReceiver() throws Exception {
        InetAddress allowed = InetAddress.getByName("127.0.0.2");
        InetAddress internal = InetAddress.getByName("127.0.0.1");
        Receiver good = new Receiver(HttpServer.create(new InetSocketAddress(allowed, 0), 4), 204, null);
        Receiver victim = samePort(internal, good.port());
        RebindingResolver resolver = new RebindingResolver(allowed, internal);
        WebhookPoster poster = poster(new UrlGuard(List.of("127.0.0.2/32"), resolver), null);
        WebhookSubscription s = subscription("http://" + HOST + ":" + good.port() + "/hook");
        AlertEvent e = event("a1");

        assertThat(poster.attempt(s, e, serialize(e)).kind()).isEqualTo(Outcome.Kind.DELIVERED);
        assertThat(resolver.lookups.get()).as("one lookup per attempt: the check's answer is the one connected to")
                .isEqualTo(1);
        assertThat(good.hosts).containsExactly(HOST + ":" + good.port());

        Outcome rebound = poster.attempt(s, e, serialize(e));
        assertThat(rebound.kind()).as("the name now resolves to a forbidden address").isEqualTo(Outcome.Kind.TRANSIENT);
        assertThat(rebound.reason()).contains("127.0.0.1").contains("alerts.webhooks.allow");
        assertThat(resolver.lookups.get()).isEqualTo(2);
        assertThat(victim.hosts).as("the internal receiver was never called").isEmpty();
        assertThat(good.hosts).hasSize(1);
    }

    @Test
    void shouldNotFollowARedirectToAnInternalAddress() throws Exception {
        InetAddress allowed = InetAddress.getByName("127.0.0.2");
        InetAddress internal = InetAddress.getByName("127.0.0.1");
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(allowed, 0), 4);
        Receiver victim = new Receiver(HttpServer.create(new InetSocketAddress(internal, 0), 4), 204, null);
        String internalUrl = "http://127.0.0.1:" + victim.port() + "/hook";
        Receiver redirect = new Receiver(redirecting, 307, internalUrl);
        WebhookPoster poster = poster(new UrlGuard(List.of("127.0.0.2/32"), new RebindingResolver(allowed)), null);
        AlertEvent e = event("a2");

        Outcome outcome = poster.attempt(subscription("http://" + HOST + ":" + redirect.port() + "/hook"), e, serialize(e));

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PERMANENT);
        assertThat(outcome.status()).isEqualTo(307);
        assertThat(outcome.reason()).contains("redirect to " + internalUrl).contains("not followed");
        assertThat(redirect.hosts).hasSize(1);
        assertThat(victim.hosts).isEmpty();
    }

    @Test
    void shouldVerifyTheCertificateAgainstTheUrlsHostWhileConnectingToThePinnedAddress(@TempDir Path dir) throws Exception {
        char[] pass = "changeit".toCharArray();
        Path store = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + HOST,
                "-ext", "SAN=dns:" + HOST, "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, 0), 4);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        Receiver receiver = new Receiver(https, 200, null);
        HostResolver both = host -> {
            if (host.equals(HOST) || host.equals("other.example.test")) {
                return List.of(loopback);
            }
            throw new UnknownHostException(host);
        };
        WebhookPoster poster = poster(new UrlGuard(List.of("127.0.0.1/32"), both), clientTls);
        AlertEvent e = event("a3");

        Outcome ok = poster.attempt(subscription("https://" + HOST + ":" + receiver.port() + "/hook"), e, serialize(e));
        assertThat(ok.kind()).as(String.valueOf(ok.reason())).isEqualTo(Outcome.Kind.DELIVERED);
        assertThat(receiver.hosts).containsExactly(HOST + ":" + receiver.port());

        Outcome wrongName = poster.attempt(subscription("https://other.example.test:" + receiver.port() + "/hook"), e,
                serialize(e));
        assertThat(wrongName.kind()).as("the certificate does not name other.example.test").isEqualTo(Outcome.Kind.TRANSIENT);
        assertThat(wrongName.reason()).contains("SSLHandshakeException");
        assertThat(receiver.hosts).hasSize(1);
    }

    private Receiver samePort(InetAddress address, int port) throws IOException {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(address, port), 4), 204, null);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " on " + address + " is taken; run again", e);
        }
    }

    private static WebhookPoster poster(UrlGuard guard, SSLContext tls) {
        WebhookSettings settings = new WebhookSettings(null, List.of(), Duration.ofDays(1), Duration.ofMillis(10),
                Duration.ofMillis(100), Duration.ofSeconds(5), "g-");
        return new WebhookPoster(settings, guard, null, new SimpleMeterRegistry(), Clock.systemUTC(), () -> {
            try {
                return (tls == null ? SSLContext.getDefault() : tls).getSocketFactory();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static WebhookSubscription subscription(String url) {
        return new WebhookSubscription("s-pinned", url, "0123456789abcdef0123", List.of(), List.of(), Severity.INFO,
                Instant.EPOCH);
    }
}
