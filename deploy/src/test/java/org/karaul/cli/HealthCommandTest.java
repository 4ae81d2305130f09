package org.karaul.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The container probe against a real loopback HTTP server answering like an ops endpoint. */
class HealthCommandTest {
    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/health", ex -> {
            byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = KaraulCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldExitZeroWhenTheServiceIsUp() {
        assertThat(run(new StringWriter(), "health", url())).isZero();
    }

    @Test
    void shouldExitOneWithTheAnswerWhenTheServiceIsDown() {
        status = 503;
        StringWriter err = new StringWriter();
        assertThat(run(err, "health", url())).isEqualTo(1);
        assertThat(err.toString()).contains("503").contains("DOWN");
    }

    @Test
    void shouldExitOneNamingTheAddressWhenNothingListens() {
        String gone = url();
        server.stop(0);
        StringWriter err = new StringWriter();
        assertThat(run(err, "health", "--timeout", "2", gone)).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach").contains(gone);
    }
}
