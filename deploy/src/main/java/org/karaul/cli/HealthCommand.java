package org.karaul.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code karaul health URL}: a container health probe that needs no curl in the image. Exit 0 when the service's
 * {@code /health} answers 200, 1 when it answers anything else or cannot be reached.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Ask a service's ops endpoint whether it is healthy (exit 0 on HTTP 200, else 1), for",
                "container health checks, e.g. karaul health http://127.0.0.1:8082/health"})
public final class HealthCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The /health address of a service.")
    URI url;

    @CommandLine.Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Give up after this many seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                spec.commandLine().getOut().println(answer.body());
                return 0;
            }
            spec.commandLine().getErr().println("karaul health: " + url + " answered " + answer.statusCode() + ": "
                    + answer.body());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("karaul health: cannot reach " + url + ": " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
