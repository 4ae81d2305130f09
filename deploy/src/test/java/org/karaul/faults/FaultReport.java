package org.karaul.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's figures, one block per scenario, rewritten to {@code target/fault-report.txt} after each scenario. */
final class FaultReport {
    /** Recovery times of one kind of fault in one scenario, in milliseconds. */
    record Recovery(String what, List<Long> fromKillMs, List<Long> fromRestartMs) {
        String line() {
            return String.format(Locale.ROOT, "  recovery %-34s n=%d  from restart min/median/max %s  from kill %s", what,
                    fromRestartMs.size(), stats(fromRestartMs), stats(fromKillMs));
        }
    }

    private final Path file;
    private final String header;
    private final List<String> blocks = new ArrayList<>();
    private final Map<String, List<Long>> byService = new LinkedHashMap<>();
    private String summary;

    FaultReport(Path file, String header) {
        this.file = file;
        this.header = header;
    }

    synchronized void add(Outcome o, String faults, long elapsedMs, List<Recovery> recoveries) {
        add(o, faults, elapsedMs, recoveries, List.of());
    }

    synchronized void add(Outcome o, String faults, long elapsedMs, List<Recovery> recoveries, List<String> details) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s; %s (%.1f s)%n", o.scenario, faults, o.clean() ? "CLEAN" : "NOT CLEAN",
                elapsedMs / 1000.0));
        sb.append(String.format(Locale.ROOT, "  items in %d, classified %d records, lost %d, duplicated %d%n", o.itemsIn,
                o.classifiedRecords, o.lost, o.duplicated));
        sb.append(String.format(Locale.ROOT, "  alerts expected %d, got %d records, missing %d, unexpected %d, differing %d,"
                        + " duplicated %d, alert-id collisions %d%n", o.alertsExpected, o.alertRecords, o.alertsMissing,
                o.alertsUnexpected, o.alertsDiffering, o.alertsDuplicated, o.idCollisions));
        sb.append(String.format(Locale.ROOT, "  webhook: %d alerts delivered, in order %s, signatures bad %d, redeliveries %d,"
                        + " webhook dead letters %d%n", o.delivered, o.deliveredInOrder ? "yes" : "NO", o.badSignatures,
                o.redeliveries, o.webhookDeadLetters));
        sb.append("  dead letters ").append(o.deadLetters).append('\n');
        recoveries.forEach(r -> sb.append(r.line()).append('\n'));
        details.forEach(d -> sb.append("  ").append(d).append('\n'));
        o.problems.stream().limit(20).forEach(p -> sb.append("  problem: ").append(p).append('\n'));
        blocks.add(sb.toString());
        write();
    }

    /** Notes the restart-to-output times of one service in one scenario, for {@link #summary}. */
    synchronized void recovered(String service, List<Long> fromRestartMs) {
        byService.computeIfAbsent(service, s -> new ArrayList<>()).addAll(fromRestartMs);
    }

    /** Adds, per service over every scenario, min/median/max of restart to first output and how many are over. */
    synchronized void summary(String rule, Duration limit) {
        StringBuilder sb = new StringBuilder("recovery per service, restart to first output, " + rule + "\n");
        byService.forEach((service, ms) -> sb.append(String.format(Locale.ROOT, "  %-10s n=%d  min/median/max %s  over %d%n",
                service, ms.size(), stats(ms), ms.stream().filter(m -> m > limit.toMillis()).count())));
        summary = sb.toString();
        write();
    }

    private void write() {
        StringBuilder sb = new StringBuilder("Karaul fault suite, " + Instant.now() + "\n" + header + "\n\n");
        if (summary != null) {
            sb.append(summary).append('\n');
        }
        blocks.forEach(b -> sb.append(b).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String stats(List<Long> ms) {
        if (ms.isEmpty()) {
            return "-";
        }
        List<Long> s = ms.stream().sorted().toList();
        return s.get(0) + "/" + s.get(s.size() / 2) + "/" + s.get(s.size() - 1) + " ms";
    }
}
