package org.karaul.processor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds files in the {@code shared} folder beside the project root ({@code ../shared}), or in
 * {@code -Dkaraul.shared.dir}. Tests that need them skip with a message when they are absent.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    /** {@code shared/<relative>}, a file or a directory, when it is there. */
    public static Optional<Path> find(String relative) {
        String configured = System.getProperty("karaul.shared.dir");
        if (configured != null && Files.exists(Path.of(configured, relative))) {
            return Optional.of(Path.of(configured, relative));
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/<relative>}, or the calling test is skipped saying what is missing. */
    public static Path require(String relative) {
        Optional<Path> path = find(relative);
        Assumptions.assumeTrue(path.isPresent(), "shared/" + relative
                + " not found beside the project root (or -Dkaraul.shared.dir); see shared/data/SOURCES.md. Skipping");
        return path.get();
    }
}
