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
 * One {@code karaul} subcommand in a JVM of its own, its output appended to a log file. {@link #kill()} is SIGKILL
 * ({@code kill -9}): no shutdown hook runs, nothing is flushed or closed.
 *
 * <p>The JVM runs the executable jar ({@code target/karaul.jar}, built by {@code package} before the ITs) as the
 * {@code karaul} launcher does, with a class-data-sharing archive per service made the same way: a start without
 * one writes it when the JVM stops in order ({@code -XX:ArchiveClassesAtExit}), every later start maps it
 * ({@code -XX:SharedArchiveFile}) instead of loading and verifying some 5,000 classes again. The suite's run
 * without faults stops each service in order, so every scenario with kills starts from the archive. Without the jar
 * (an IDE run) the JVM runs from this test's class path, without an archive.
 */
final class ChildJvm {
    /**
     * How long an orderly stop may take when the JVM writes its archive on the way out: seconds when idle, up to two
     * minutes on a 2-core machine busy with other builds.
     */
    private static final Duration STOP_WITH_ARCHIVE = Duration.ofMinutes(5);
    private static final Path JAR = Path.of(System.getProperty("karaul.faults.jar", "target/karaul.jar"));
    private final String name;
    private final String heap;
    private final List<String> args;
    private final Path log;
    private final Path archive;
    private Process process;
    private boolean writingArchive;

    /**
     * @param archive the class-data-sharing archive of this kind of JVM (written by the first orderly stop, mapped
     *                by later starts), or null for none
     */
    ChildJvm(String name, Path log, Path archive, String heap, String... args) {
        this.name = name;
        this.log = log;
        this.archive = Files.isRegularFile(JAR) ? archive : null;
        this.heap = heap;
        this.args = List.of(args);
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC"));
        writingArchive = false;
        if (archive != null) {
            // picocli's classes (Java 5 bytecode) cannot be archived: CDS warns about each one, so only its errors show
            command.add("-Xlog:cds=error");
            if (Files.isRegularFile(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            } else {
                command.add("-XX:ArchiveClassesAtExit=" + partial());
                writingArchive = true;
            }
        }
        command.addAll(List.of("-cp", Files.isRegularFile(JAR) ? JAR.toString() : classPath(), "org.karaul.cli.KaraulCli"));
        command.addAll(args);
        return command;
    }

    private Path partial() {
        return archive.resolveSibling(archive.getFileName() + ".part");
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
            if (archive != null) {
                Files.createDirectories(archive.getParent());
            }
            List<String> command = command();
            Files.writeString(log, "---- start " + java.time.Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command(), e);
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

    /**
     * SIGTERM (an orderly stop), then SIGKILL if it has not exited within 30 s (2 min when it writes its archive). An
     * archive is kept only when the JVM exited on its own, so a half-written one is never mapped.
     */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(writingArchive ? STOP_WITH_ARCHIVE.toSeconds() : 30, TimeUnit.SECONDS)) {
                keepArchive();
            } else {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            deletePartial();
        }
    }

    private void keepArchive() {
        if (writingArchive && Files.isRegularFile(partial())) {
            try {
                Files.move(partial(), archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the class-data-sharing archive of " + name, e);
            }
        }
    }

    private void deletePartial() {
        if (archive != null) {
            try {
                Files.deleteIfExists(partial());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + partial(), e);
            }
        }
    }

    /** Whether starts of this JVM map a class-data-sharing archive. */
    boolean archived() {
        return archive != null && Files.isRegularFile(archive);
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
