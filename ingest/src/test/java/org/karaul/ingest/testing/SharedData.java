package org.karaul.ingest.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the third-party test data in the {@code shared/data} directory next to the checkout. */
public final class SharedData {
    private SharedData() {
    }

    /** The data directory, walking up from the working directory; empty when it is not there. */
    public static Optional<Path> findDataDir() {
        String override = System.getProperty("karaul.shared.dir");
        if (override != null && Files.isDirectory(Path.of(override, "data"))) {
            return Optional.of(Path.of(override, "data"));
        }
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/data/<name>}, or the test is skipped with a message saying what is missing. */
    public static Path require(String name) {
        Optional<Path> dir = findDataDir().map(d -> d.resolve(name)).filter(Files::isDirectory);
        Assumptions.assumeTrue(dir.isPresent(), "shared/data/" + name
                + " not found next to the checkout (see shared/data/SOURCES.md); skipping");
        return dir.get();
    }
}
