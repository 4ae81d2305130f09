package org.karaul.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code karaul} subcommand in a JVM of its own, started from this test's class path, its output appended to a
 * log file. {@link #kill()} is SIGKILL ({@code kill -9}): no shutdown hook runs, nothing is flushed or closed.
 */
final class ChildJvm {
    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    ChildJvm(String name, Path log, String heap, String... args) {
        this.name = name;
        this.log = log;
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", classPath(),
                "org.karaul.cli.KaraulCli"));
        this.command.addAll(List.of(args));
    }

    /** The class path of this test JVM (failsafe passes its own; the JVM's may be a manifest-only jar). */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Starts the JVM; its standard output and error go to the log file. */
    synchronized ChildJvm start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- start " + java.time.Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM (an orderly stop), then SIGKILL if it has not exited within 30 s. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Fails, naming the log, when the process has exited on its own. */
    synchronized void requireAlive() {
        if (process != null && !process.isAlive()) {
            throw new AssertionError(name + " exited with code " + process.exitValue() + "; see " + log);
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive " + timeout + " after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }
}
