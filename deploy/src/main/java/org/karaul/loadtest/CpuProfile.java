package org.karaul.loadtest;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the flight-recording breakdown is written. */
final class CpuProfile {
    private CpuProfile() {
    }

    static List<String> render(Path dir, int items) {
        return List.of("Flight recordings in " + dir + " (processor.jfr, alerts.jfr)");
    }
}
