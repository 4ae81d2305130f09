package org.karaul.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service (or the pass-through application) in a JVM of its own, started from this JVM's class path with its
 * output in a log file; it reads the process's CPU time and peak resident set ({@code VmHWM} in
 * {@code /proc/PID/status}, Linux only: elsewhere 0).
 */
final class ServiceJvm implements AutoCloseable {
    private final String name;
    private final Path log;
    private final Process process;
    private long peakRssKb;

    private ServiceJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * @param jvmOptions heap, collector, flight recorder and the like
     * @param mainClass  the class to run
     * @param args       its arguments
     */
    static ServiceJvm start(String name, Path log, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServiceJvm(name, log, p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** CPU time of the process so far, in seconds (user and system). */
    double cpuSeconds() {
        sampleRss();
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** The peak resident set seen so far, MiB. */
    long peakRssMb() {
        sampleRss();
        return peakRssKb / 1024;
    }

    private void sampleRss() {
        peakRssKb = Math.max(peakRssKb, ProcessUsage.peakRssKb(process.pid()));
    }

    /** Fails naming the log when the process has exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
    }

    String name() {
        return name;
    }

    /** SIGTERM, then SIGKILL when it has not exited within a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        sampleRss();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
